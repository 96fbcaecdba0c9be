namespace GongCrmBridge.Gong.Operations;

/// <summary>The 54 Gong operations this client covers (<c>gong-api/OPERATIONS.md</c>), one row each.</summary>
/// <remarks>
/// <para>Where Gong's official document (<c>openapi.json</c>) and Gong's real behaviour differ, the rows follow the real
/// behaviour (OPERATIONS.md, "Known defects"); <c>GongOperationsConformanceTests</c> checks every other detail against
/// the document:</para>
/// <list type="bullet">
/// <item><c>POST /v2/crm/entities</c>: the document declares no query parameters; Gong requires
/// <c>integrationId</c>, <c>objectType</c> and <c>clientRequestId</c> (its own description says so), so they are sent.</item>
/// <item><c>GET /v2/crm/entities</c>: the document declares <c>objectsCrmIds</c> as a query array; Gong reads the ids
/// from a JSON array in the body of the GET, at most 100 (its description says so), so they are sent there.</item>
/// <item><c>GET /v2/crm/entity-schema</c>: the document marks <c>objectType</c> required; omitted, Gong answers for
/// every object type, so it is optional here.</item>
/// <item><c>GET /v2/calls</c>: the document marks <c>fromDateTime</c>/<c>toDateTime</c> required although it describes
/// what Gong does without them (from the first call, to the latest), so they are optional here.</item>
/// <item><c>GET /v2/coaching</c>: Gong's generated operationId <c>listUsers_1</c> is misleading; it is
/// <c>listCoachingMetrics</c> here.</item>
/// <item><c>GET /v2/calls/manual-crm-associations</c>: only the 2023 document has it (Beta); the 2026 one dropped it.</item>
/// <item><c>POST /v2/flows/prospects/assign</c>: at most 100 prospects per request (the document; the use case says 200).</item>
/// <item>404 on the list operations marked <see cref="GongOperation.EmptyWhenNotFound"/> means "nothing found for
/// this filter", so the client answers with no items instead of failing.</item>
/// </list>
/// </remarks>
public static class GongOperations
{
    /// <summary>The most prospects <c>POST /v2/flows/prospects/assign</c> takes per request.</summary>
    public const int MaxProspectsPerAssignment = 100;

    /// <summary>The most e-mail addresses <c>POST /v2/meetings/integration/status</c> takes per request.</summary>
    public const int MaxEmailsPerIntegrationStatus = 100;

    /// <summary>The most objectIds <c>GET /v2/crm/entities</c> answers per request.</summary>
    public const int MaxObjectIdsPerGet = 100;

    // Users
    /// <summary><c>GET /v2/users</c>: every user, paged.</summary>
    public static readonly GongOperation ListUsers = Get("users", "listUsers", "/v2/users", "api:users:read", Cursor(), Q("includeAvatars")) with { Paging = GongPaging.CursorInQuery };

    /// <summary><c>GET /v2/users/{id}</c>: one user.</summary>
    public static readonly GongOperation GetUser = Get("users", "getUser", "/v2/users/{id}", "api:users:read", P("id"));

    /// <summary><c>GET /v2/users/{id}/settings-history</c>: a user's settings changes.</summary>
    public static readonly GongOperation GetUserHistory = Get("users", "getUserHistory", "/v2/users/{id}/settings-history", "api:users:read", P("id"));

    /// <summary><c>POST /v2/users/extensive</c>: users by ids or creation dates, paged.</summary>
    public static readonly GongOperation ListMultipleUsers = Post("users", "listMultipleUsers", "/v2/users/extensive", "api:users:read") with { Paging = GongPaging.CursorInBody, EmptyWhenNotFound = true };

    // Calls
    /// <summary><c>GET /v2/calls</c>: calls by date range, paged.</summary>
    public static readonly GongOperation ListCalls = Get("calls", "listCalls", "/v2/calls", "api:calls:read:basic", Cursor(), Q("fromDateTime"), Q("toDateTime"), Q("workspaceId")) with { Paging = GongPaging.CursorInQuery, EmptyWhenNotFound = true };

    /// <summary><c>GET /v2/calls/{id}</c>: one call.</summary>
    public static readonly GongOperation GetCall = Get("calls", "getCall", "/v2/calls/{id}", "api:calls:read:basic", P("id"));

    /// <summary><c>POST /v2/calls</c>: adds a call (its media follows with <see cref="AddCallRecording"/>).</summary>
    public static readonly GongOperation AddCall = Post("calls", "addCall", "/v2/calls", "api:calls:create");

    /// <summary><c>POST /v2/calls/extensive</c>: calls with CRM context, parties, content, paged.</summary>
    public static readonly GongOperation ListCallsExtensive = Post("calls", "listCallsExtensive", "/v2/calls/extensive", "api:calls:read:extensive") with { Paging = GongPaging.CursorInBody, EmptyWhenNotFound = true };

    /// <summary><c>POST /v2/calls/transcript</c>: call transcripts, paged.</summary>
    public static readonly GongOperation GetCallTranscripts = Post("calls", "getCallTranscripts", "/v2/calls/transcript", "api:calls:read:transcript") with { Paging = GongPaging.CursorInBody, EmptyWhenNotFound = true };

    /// <summary><c>PUT /v2/calls/{id}/media</c>: uploads a call's recording.</summary>
    public static readonly GongOperation AddCallRecording = new GongOperation("calls", "addCallRecording", "PUT", "/v2/calls/{id}/media", "api:calls:create") { Parameters = [P("id")], Body = GongBodyKind.Multipart, FilePart = "mediaFile" };

    /// <summary><c>GET /v2/calls/manual-crm-associations</c>: calls linked to CRM objects by hand (legacy, Beta), paged.</summary>
    public static readonly GongOperation ListCrmCallsManualAssociation = Get("calls", "listCRMCallsManualAssociationUsingGET", "/v2/calls/manual-crm-associations", "api:crm-calls:manual-association:read", Cursor(), Q("fromDateTime")) with { Paging = GongPaging.CursorInQuery, LegacyOnly = true };

    // Stats
    /// <summary><c>POST /v2/stats/activity/aggregate</c>: users' activity totals, paged.</summary>
    public static readonly GongOperation ListAggregateActivity = Post("stats", "listMultipleUsersAggregateActivity", "/v2/stats/activity/aggregate", "api:stats:user-actions") with { Paging = GongPaging.CursorInBody };

    /// <summary><c>POST /v2/stats/activity/day-by-day</c>: users' daily activity, paged.</summary>
    public static readonly GongOperation ListDayByDayActivity = Post("stats", "listMultipleUsersDayByDayActivity", "/v2/stats/activity/day-by-day", "api:stats:user-actions:detailed") with { Paging = GongPaging.CursorInBody };

    /// <summary><c>POST /v2/stats/activity/scorecards</c>: answered scorecards, paged.</summary>
    public static readonly GongOperation ListAnsweredScorecards = Post("stats", "listAnsweredScorecards", "/v2/stats/activity/scorecards", "api:stats:scorecards") with { Paging = GongPaging.CursorInBody, EmptyWhenNotFound = true };

    /// <summary><c>POST /v2/stats/interaction</c>: users' interaction stats, paged.</summary>
    public static readonly GongOperation ListInteractionStats = Post("stats", "listInteractionStats", "/v2/stats/interaction", "api:stats:interaction") with { Paging = GongPaging.CursorInBody, EmptyWhenNotFound = true };

    // Engage flows
    /// <summary><c>GET /v2/flows</c>: a user's Engage flows, paged.</summary>
    public static readonly GongOperation ListFlows = Get("flows", "listFlows", "/v2/flows", "api:flows:read", Q("flowOwnerEmail", required: true), Cursor(), Q("workspaceId"), Q("folderId"), Q("mostRecentlyAssigned")) with { Paging = GongPaging.CursorInQuery };

    /// <summary><c>POST /v2/flows/prospects</c>: the flows prospects are assigned to.</summary>
    public static readonly GongOperation GetProspectsAssignedFlows = Post("flows", "getProspectsAssignedFlows", "/v2/flows/prospects", "api:flows:read");

    /// <summary><c>POST /v2/flows/prospects/assign</c>: assigns up to <see cref="MaxProspectsPerAssignment"/> prospects to a flow.</summary>
    public static readonly GongOperation AssignProspects = Post("flows", "assignProspects", "/v2/flows/prospects/assign", "api:flows:write");

    // Meetings (Beta)
    /// <summary><c>POST /v2/meetings</c>: creates a meeting.</summary>
    public static readonly GongOperation AddMeeting = Post("meetings", "addMeeting", "/v2/meetings", "api:meetings:user:create");

    /// <summary><c>PUT /v2/meetings/{meetingId}</c>: updates a meeting.</summary>
    public static readonly GongOperation UpdateMeeting = new GongOperation("meetings", "updateMeeting", "PUT", "/v2/meetings/{meetingId}", "api:meetings:user:update") { Parameters = [P("meetingId")], Body = GongBodyKind.Json };

    /// <summary><c>DELETE /v2/meetings/{meetingId}</c>: deletes a meeting (a DELETE with a JSON body).</summary>
    public static readonly GongOperation DeleteMeeting = new GongOperation("meetings", "deleteMeeting", "DELETE", "/v2/meetings/{meetingId}", "api:meetings:user:delete") { Parameters = [P("meetingId")], Body = GongBodyKind.Json, DestroysData = true };

    /// <summary><c>POST /v2/meetings/integration/status</c>: whether e-mail addresses are Gong users with a working meeting integration.</summary>
    public static readonly GongOperation MeetingIntegrationStatus = Post("meetings", "integrationStatus", "/v2/meetings/integration/status", "api:meetings:integration:status");

    // Permissions (Gong's tag also holds individual call access)
    /// <summary><c>GET /v2/all-permission-profiles</c>: a workspace's permission profiles.</summary>
    public static readonly GongOperation ListPermissionProfiles = Get("permissions", "listPermissionProfile", "/v2/all-permission-profiles", null, Q("workspaceId", required: true));

    /// <summary><c>GET /v2/permission-profile</c>: one permission profile.</summary>
    public static readonly GongOperation GetPermissionProfile = Get("permissions", "getPermissionProfile", "/v2/permission-profile", null, Q("profileId", required: true));

    /// <summary><c>GET /v2/permission-profile/users</c>: the users of a permission profile.</summary>
    public static readonly GongOperation ListPermissionProfileUsers = Get("permissions", "listPermissionProfileUsers", "/v2/permission-profile/users", "api:users:read", Q("profileId", required: true));

    /// <summary><c>POST /v2/permission-profile</c>: creates a permission profile in a workspace.</summary>
    public static readonly GongOperation CreatePermissionProfile = Post("permissions", "createPermissionProfile", "/v2/permission-profile", null, Q("workspaceId", required: true));

    /// <summary><c>PUT /v2/permission-profile</c>: replaces a permission profile.</summary>
    public static readonly GongOperation UpdatePermissionProfile = new GongOperation("permissions", "updatePermissionProfile", "PUT", "/v2/permission-profile", null) { Parameters = [Q("profileId", required: true)], Body = GongBodyKind.Json };

    /// <summary><c>POST /v2/calls/users-access</c>: the users given individual access to calls.</summary>
    public static readonly GongOperation GetUsersAccessToCalls = Post("permissions", "getUsersAccessToCalls", "/v2/calls/users-access", "api:call-user-access:read");

    /// <summary><c>PUT /v2/calls/users-access</c>: gives users individual access to calls.</summary>
    public static readonly GongOperation AddUsersAccessToCalls = new GongOperation("permissions", "addUsersAccessToCalls", "PUT", "/v2/calls/users-access", "api:call-user-access:write") { Body = GongBodyKind.Json };

    /// <summary><c>DELETE /v2/calls/users-access</c>: takes users' individual access to calls away (a DELETE with a JSON body).</summary>
    public static readonly GongOperation DeleteUsersAccessToCalls = new GongOperation("permissions", "deleteUsersAccessToCalls", "DELETE", "/v2/calls/users-access", "api:call-user-access:write") { Body = GongBodyKind.Json, DestroysData = true };

    // Library
    /// <summary><c>GET /v2/library/folders</c>: the library's folders.</summary>
    public static readonly GongOperation GetLibraryStructure = Get("library", "getLibraryStructure", "/v2/library/folders", "api:library:read", Q("workspaceId")) with { EmptyWhenNotFound = true };

    /// <summary><c>GET /v2/library/folder-content</c>: the calls of a library folder.</summary>
    public static readonly GongOperation GetCallsInFolder = Get("library", "getCallsInSpecificFolder", "/v2/library/folder-content", "api:library:read", Q("folderId"));

    // Settings
    /// <summary><c>GET /v2/settings/scorecards</c>: the scorecards.</summary>
    public static readonly GongOperation ListScorecards = Get("settings", "listScorecards", "/v2/settings/scorecards", "api:settings:scorecards:read") with { EmptyWhenNotFound = true };

    /// <summary><c>GET /v2/settings/trackers</c>: the keyword trackers.</summary>
    public static readonly GongOperation ListTrackers = Get("settings", "listTrackers", "/v2/settings/trackers", "api:settings:trackers:read", Q("workspaceId"));

    // Data privacy
    /// <summary><c>GET /v2/data-privacy/data-for-email-address</c>: everything Gong holds that refers to an e-mail address.</summary>
    public static readonly GongOperation FindReferencesToEmail = Get("privacy", "findAllReferencesToEmailAddress", "/v2/data-privacy/data-for-email-address", "api:data-privacy:read", Q("emailAddress", required: true));

    /// <summary><c>GET /v2/data-privacy/data-for-phone-number</c>: everything Gong holds that refers to a phone number.</summary>
    public static readonly GongOperation FindReferencesToPhone = Get("privacy", "findAllReferencesToPhoneNumber", "/v2/data-privacy/data-for-phone-number", "api:data-privacy:read", Q("phoneNumber", required: true));

    /// <summary><c>POST /v2/data-privacy/erase-data-for-email-address</c>: erases an e-mail address and what refers to it (asynchronous, hours).</summary>
    public static readonly GongOperation PurgeEmailAddress = Post("privacy", "purgeEmailAddress", "/v2/data-privacy/erase-data-for-email-address", "api:data-privacy:delete", Q("emailAddress", required: true)) with { Body = GongBodyKind.None, DestroysData = true };

    /// <summary><c>POST /v2/data-privacy/erase-data-for-phone-number</c>: erases a phone number and what refers to it (asynchronous, hours).</summary>
    public static readonly GongOperation PurgePhoneNumber = Post("privacy", "purgePhoneNumber", "/v2/data-privacy/erase-data-for-phone-number", "api:data-privacy:delete", Q("phoneNumber", required: true)) with { Body = GongBodyKind.None, DestroysData = true };

    // Engagement (legacy events and digital interactions)
    /// <summary><c>PUT /v2/customer-engagement/content/shared</c>: reports that content was shared.</summary>
    public static readonly GongOperation ReportContentShared = Put("engagement", "contentShared", "/v2/customer-engagement/content/shared", "api:engagement-data:write");

    /// <summary><c>PUT /v2/customer-engagement/content/viewed</c>: reports that content was viewed.</summary>
    public static readonly GongOperation ReportContentViewed = Put("engagement", "contentViewed", "/v2/customer-engagement/content/viewed", "api:engagement-data:write");

    /// <summary><c>PUT /v2/customer-engagement/action</c>: reports a custom action.</summary>
    public static readonly GongOperation ReportCustomAction = Put("engagement", "customAction", "/v2/customer-engagement/action", "api:engagement-data:write");

    /// <summary><c>POST /v2/digital-interaction</c>: reports a digital interaction.</summary>
    public static readonly GongOperation AddDigitalInteraction = Post("engagement", "addDigitalInteraction", "/v2/digital-interaction", "api:digital-interactions:write");

    // Auditing, workspaces, coaching, integration settings
    /// <summary><c>GET /v2/logs</c>: audit log entries of a type and time range, paged.</summary>
    public static readonly GongOperation ListLogs = Get("logs", "listLogs", "/v2/logs", "api:logs:read", Q("logType", required: true), Q("fromDateTime", required: true), Q("toDateTime"), Cursor()) with { Paging = GongPaging.CursorInQuery, EmptyWhenNotFound = true };

    /// <summary><c>GET /v2/workspaces</c>: the company's workspaces.</summary>
    public static readonly GongOperation ListWorkspaces = Get("workspaces", "listWorkspaces", "/v2/workspaces", "api:workspaces:read");

    /// <summary><c>GET /v2/coaching</c>: a manager's coaching metrics (Gong's operationId: <c>listUsers_1</c>).</summary>
    public static readonly GongOperation ListCoachingMetrics = Get("coaching", "listCoachingMetrics", "/v2/coaching", "api:coaching:read", Q("workspace-id", required: true), Q("manager-id", required: true), Q("from", required: true), Q("to", required: true)) with { DocumentedOperationId = "listUsers_1" };

    /// <summary><c>POST /v2/integration-settings</c>: sets the allowed origins of Gong's embedded integrations.</summary>
    public static readonly GongOperation SetIntegrationSettings = Post("integration-settings", "integrationSettings", "/v2/integration-settings", "api:integration-settings:write");

    // Generic CRM
    /// <summary><c>PUT /v2/crm/integrations</c>: registers the company's generic CRM integration.</summary>
    public static readonly GongOperation RegisterCrmIntegration = Put("crm", "registerGenericCrmIntegration", "/v2/crm/integrations", "api:crm:integration:register");

    /// <summary><c>GET /v2/crm/integrations</c>: the company's generic CRM integrations.</summary>
    public static readonly GongOperation ListCrmIntegrations = Get("crm", "listGenericCrmIntegration", "/v2/crm/integrations", "api:crm:integrations:read");

    /// <summary><c>DELETE /v2/crm/integrations</c>: deletes the integration and every object uploaded through it (asynchronous).</summary>
    public static readonly GongOperation DeleteCrmIntegration = new GongOperation("crm", "deleteGenericCrmIntegration", "DELETE", "/v2/crm/integrations", "api:crm:integration:delete") { Parameters = [Q("integrationId", required: true), Q("clientRequestId", required: true)], DestroysData = true };

    /// <summary><c>POST /v2/crm/entity-schema</c>: replaces an object type's custom fields.</summary>
    public static readonly GongOperation UploadCrmSchema = Post("crm", "uploadCrmSchemaField", "/v2/crm/entity-schema", "api:crm:schema", Q("integrationId", required: true), Q("objectType", required: true));

    /// <summary><c>GET /v2/crm/entity-schema</c>: the custom fields (of one object type, or all when <c>objectType</c> is omitted).</summary>
    public static readonly GongOperation ListCrmSchema = Get("crm", "listCrmSchemaFields", "/v2/crm/entity-schema", "api:crm:schema", Q("integrationId", required: true), Q("objectType"));

    /// <summary><c>POST /v2/crm/entities</c>: uploads an LDJSON file of one object type (asynchronous).</summary>
    public static readonly GongOperation UploadCrmData = Post("crm", "uploadCrmData", "/v2/crm/entities", "api:crm:upload", Q("integrationId", required: true), Q("objectType", required: true), Q("clientRequestId", required: true)) with { Body = GongBodyKind.Multipart, FilePart = "dataFile" };

    /// <summary><c>GET /v2/crm/request-status</c>: the state of an upload or an integration delete.</summary>
    public static readonly GongOperation GetCrmRequestStatus = Get("crm", "getRequestStatus", "/v2/crm/request-status", "api:crm:upload", Q("integrationId", required: true), Q("clientRequestId", required: true));

    /// <summary><c>GET /v2/crm/entities</c>: reads objects back; the objectIds go in a JSON array body.</summary>
    public static readonly GongOperation GetCrmObjects = Get("crm", "getCrmObjects", "/v2/crm/entities", "api:crm:get-objects", Q("integrationId", required: true), Q("objectType", required: true)) with { Body = GongBodyKind.Json };

    /// <summary>Gets every operation, in the order of the areas above.</summary>
    public static IReadOnlyList<GongOperation> All { get; } =
    [
        ListUsers, GetUser, GetUserHistory, ListMultipleUsers,
        ListCalls, GetCall, AddCall, ListCallsExtensive, GetCallTranscripts, AddCallRecording, ListCrmCallsManualAssociation,
        ListAggregateActivity, ListDayByDayActivity, ListAnsweredScorecards, ListInteractionStats,
        ListFlows, GetProspectsAssignedFlows, AssignProspects,
        AddMeeting, UpdateMeeting, DeleteMeeting, MeetingIntegrationStatus,
        ListPermissionProfiles, GetPermissionProfile, ListPermissionProfileUsers, CreatePermissionProfile, UpdatePermissionProfile,
        GetUsersAccessToCalls, AddUsersAccessToCalls, DeleteUsersAccessToCalls,
        GetLibraryStructure, GetCallsInFolder,
        ListScorecards, ListTrackers,
        FindReferencesToEmail, FindReferencesToPhone, PurgeEmailAddress, PurgePhoneNumber,
        ReportContentShared, ReportContentViewed, ReportCustomAction, AddDigitalInteraction,
        ListLogs, ListWorkspaces, ListCoachingMetrics, SetIntegrationSettings,
        RegisterCrmIntegration, ListCrmIntegrations, DeleteCrmIntegration, UploadCrmSchema, ListCrmSchema, UploadCrmData,
        GetCrmRequestStatus, GetCrmObjects,
    ];

    private static GongOperation Get(string area, string id, string path, string? scope, params GongParameter[] parameters) =>
        new(area, id, "GET", path, scope) { Parameters = parameters };

    private static GongOperation Post(string area, string id, string path, string? scope, params GongParameter[] parameters) =>
        new(area, id, "POST", path, scope) { Parameters = parameters, Body = GongBodyKind.Json };

    private static GongOperation Put(string area, string id, string path, string? scope) =>
        new(area, id, "PUT", path, scope) { Body = GongBodyKind.Json };

    private static GongParameter Q(string name, bool required = false) => new(name, GongParameterLocation.Query, required);

    private static GongParameter P(string name) => new(name, GongParameterLocation.Path, Required: true);

    private static GongParameter Cursor() => Q("cursor");
}
