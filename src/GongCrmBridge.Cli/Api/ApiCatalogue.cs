using GongCrmBridge.Gong.Operations;
using static GongCrmBridge.Cli.Api.ApiFlags;
using static GongCrmBridge.Cli.Api.ArgumentKind;
using Op = GongCrmBridge.Gong.Operations.GongOperations;

namespace GongCrmBridge.Cli.Api;

/// <summary>The commands of Gong's API, one row each, grouped as Gong groups them: the 46 operations with a command of
/// their own here, and the 8 Generic CRM operations, whose commands (<c>integration</c>, <c>schema</c>, <c>sync</c>,
/// <c>status</c>, <c>objects</c>) run the pipeline's workflows. <c>gongbridge api list</c> prints both.</summary>
internal static class ApiCatalogue
{
    private const string Filter = """{"filter":{}}""";

    /// <summary>Gets the commands this table defines (registered by <see cref="ApiCommands"/>).</summary>
    public static IReadOnlyList<ApiCommandSpec> Commands { get; } =
    [
        // Users
        new("users", "list", Op.ListUsers, "List every Gong user (e-mail, aliases, manager, recording settings).")
        {
            Items = "users", Columns = "id,emailAddress,firstName,lastName,title,active",
            Arguments = [Q(IncludeAvatars, "includeAvatars", Flag, "Also list avatars (synthetic users for Gong staff).")],
        },
        new("users", "get", Op.GetUser, "Show one user.") { Items = "user", Arguments = [P(Id, "id", "The user's Gong id.")] },
        new("users", "history", Op.GetUserHistory, "Show when a user's recording and import settings changed.")
        {
            Items = "userSettingsHistory", Columns = "setting,value,time", Arguments = [P(Id, "id", "The user's Gong id.")],
        },
        new("users", "search", Op.ListMultipleUsers, "List the users with these ids, or created in a time range.")
        {
            Items = "users", Columns = "id,emailAddress,firstName,lastName,created", BodyBase = Filter,
            Arguments =
            [
                B(UserId, "filter.userIds", Texts, "A user's Gong id; repeat for several."),
                B(CreatedFrom, "filter.createdFromDateTime", ArgumentKind.DateTime, "Users created at or after this time."),
                B(CreatedTo, "filter.createdToDateTime", ArgumentKind.DateTime, "Users created before this time."),
                B(IncludeAvatars, "filter.includeAvatars", Flag, "Also list avatars."),
            ],
        },

        // Calls
        new("calls", "list", Op.ListCalls, "List the calls that started in a time range (default: all).")
        {
            Items = "calls", Columns = "id,title,started,duration,primaryUserId,direction",
            Arguments =
            [
                Q(From, "fromDateTime", ArgumentKind.DateTime, "Calls that started at or after this time (ISO-8601, or a date)."),
                Q(To, "toDateTime", ArgumentKind.DateTime, "Calls that started before this time."),
                Q(WorkspaceId, "workspaceId", Text, "Only this workspace's calls."),
            ],
        },
        new("calls", "get", Op.GetCall, "Show one call.") { Items = "call", Arguments = [P(Id, "id", "The call's Gong id.")] },
        new("calls", "search", Op.ListCallsExtensive, "List calls with the CRM accounts, deals and contacts they are linked to.")
        {
            Items = "calls", Columns = "metaData.id,metaData.title,metaData.started,context", BodyBase = Filter,
            Arguments =
            [
                B(From, "filter.fromDateTime", ArgumentKind.DateTime, "Calls that started at or after this time."),
                B(To, "filter.toDateTime", ArgumentKind.DateTime, "Calls that started before this time."),
                B(WorkspaceId, "filter.workspaceId", Text, "Only this workspace's calls."),
                B(CallId, "filter.callIds", Texts, "A call's id; repeat for several."),
                B(PrimaryUserId, "filter.primaryUserIds", Texts, "Only calls hosted by this user; repeat for several."),
                B(Context, "contentSelector.context", Text, "None, Basic (the linked CRM objects) or Extended (with their fields)."),
                B(Parties, "contentSelector.exposedFields.parties", Flag, "Also list the parties and the CRM contacts, leads and users they are."),
            ],
        },
        new("calls", "transcript", Op.GetCallTranscripts, "Print the transcripts of calls.")
        {
            Items = "callTranscripts", Columns = "callId,transcript", BodyBase = Filter,
            Arguments =
            [
                B(CallId, "filter.callIds", Texts, "A call's id; repeat for several."),
                B(From, "filter.fromDateTime", ArgumentKind.DateTime, "Calls that started at or after this time."),
                B(To, "filter.toDateTime", ArgumentKind.DateTime, "Calls that started before this time."),
                B(WorkspaceId, "filter.workspaceId", Text, "Only this workspace's calls."),
            ],
        },
        new("calls", "create", Op.AddCall, "Add a call (its body, Gong's NewCallAddingRequest, from --body); then upload its media.")
        {
            Arguments = [B(Title, "title", Text, "The call's title.")],
        },
        new("calls", "upload-media", Op.AddCallRecording, "Upload a call's recording (WAV, MP3, MP4, MKV, FLAC…).")
        {
            Arguments = [P(Id, "id", "The id calls create returned."), new(ApiFlags.File, ArgumentTarget.File, "mediaFile", Text, true, "The recording.")],
        },
        new("calls", "crm-associations", Op.ListCrmCallsManualAssociation, "List calls linked to CRM accounts and deals by hand (legacy, Beta).")
        {
            Items = "associations", Columns = "callId,userId,created,associatedCrmObjects",
            Arguments = [Q(From, "fromDateTime", ArgumentKind.DateTime, "Only links made after this time.")],
        },

        // Stats
        Stats("activity", Op.ListAggregateActivity, "Each user's activity totals over the dates.", "usersAggregateActivityStats", "userId,userEmailAddress,userAggregateActivityStats.callsAsHost,userAggregateActivityStats.callsAttended"),
        Stats("day-by-day", Op.ListDayByDayActivity, "Each user's activity per day.", "usersDetailedActivities", "userId,userEmailAddress,userDailyActivityStats"),
        Stats("interaction", Op.ListInteractionStats, "Each user's interaction stats (talk ratio, interactivity, …).", "peopleInteractionStats", "userId,userEmailAddress,personInteractionStats"),
        new("stats", "scorecards", Op.ListAnsweredScorecards, "List the scorecards filled in for calls.")
        {
            Items = "answeredScorecards", Columns = "answeredScorecardId,scorecardName,callId,reviewedUserId,reviewTime", BodyBase = Filter,
            Arguments =
            [
                B(From, "filter.callFromDate", ArgumentKind.DateTime, "Calls that started at or after this time."),
                B(To, "filter.callToDate", ArgumentKind.DateTime, "Calls that started before this time."),
                B(UserId, "filter.reviewedUserIds", Texts, "Only scorecards of this reviewed user; repeat for several."),
                B(ScorecardId, "filter.scorecardIds", Texts, "Only this scorecard; repeat for several."),
                B(ReviewMethod, "filter.reviewMethod", Text, "AUTOMATIC, MANUAL or BOTH."),
            ],
        },

        // Engage flows
        new("flows", "list", Op.ListFlows, "List a user's Engage flows.")
        {
            Items = "flows", Columns = "id,name,folderName,visibility,exclusive",
            Arguments =
            [
                Q(OwnerEmail, "flowOwnerEmail", Text, "The user's e-mail address.", required: true),
                Q(WorkspaceId, "workspaceId", Text, "Only this workspace's flows."),
                Q(FolderId, "folderId", Text, "Only this folder's flows."),
                Q(MostRecentlyAssigned, "mostRecentlyAssigned", Flag, "Only the flows the user assigned most recently."),
            ],
        },
        new("flows", "prospects", Op.GetProspectsAssignedFlows, "List the flows prospects (CRM contact or lead ids) are in.")
        {
            Items = "prospectsAssigned", Columns = "crmProspectId,flowId,flowName,flowInstanceStatus",
            Arguments =
            [
                B(ProspectId, "crmProspectsIds", Texts, "A prospect's CRM id; repeat for several."),
                B(FlowInstanceId, "flowInstanceIds", Texts, "A flow instance's id; repeat for several."),
            ],
        },
        new("flows", "assign", Op.AssignProspects, "Assign prospects (at most 100) to a flow.")
        {
            Arguments =
            [
                B(FlowId, "flowId", Text, "The flow.", required: true),
                B(ProspectId, "crmProspectsIds", Texts, "A prospect's CRM id; repeat, up to 100.", required: true) with { MaxValues = GongOperations.MaxProspectsPerAssignment },
                B(OwnerEmail, "flowInstanceOwnerEmail", Text, "Who runs the flow for them.", required: true),
            ],
        },

        // Meetings (Beta)
        new("meetings", "create", Op.AddMeeting, "Create a meeting.") { BodyBase = """{"invitees":[]}""", Arguments = Meeting() },
        new("meetings", "update", Op.UpdateMeeting, "Replace a meeting's details.")
        {
            BodyBase = """{"invitees":[]}""", Arguments = [P(Id, "meetingId", "The meeting's Gong id."), .. Meeting()],
        },
        new("meetings", "delete", Op.DeleteMeeting, "Delete a meeting (needs --yes).")
        {
            Arguments = [P(Id, "meetingId", "The meeting's Gong id."), B(OrganizerEmail, "organizerEmail", Text, "The organizer's e-mail address.", required: true)],
        },
        new("meetings", "integration-status", Op.MeetingIntegrationStatus, "Whether e-mail addresses are Gong users with a working meeting integration.")
        {
            Items = "users", Columns = "email,exists,valid,userFacingError",
            Arguments = [B(Email, "emails", Texts, "An e-mail address; repeat, up to 100.", required: true) with { MaxValues = GongOperations.MaxEmailsPerIntegrationStatus }],
        },

        // Permissions (Gong's tag also holds individual call access)
        new("permissions", "list", Op.ListPermissionProfiles, "List a workspace's permission profiles.")
        {
            Items = "profiles", Columns = "id,name,description", Arguments = [Q(WorkspaceId, "workspaceId", Text, "The workspace.", required: true)],
        },
        new("permissions", "get", Op.GetPermissionProfile, "Show a permission profile.") { Items = "profile", Arguments = [Profile()] },
        new("permissions", "users", Op.ListPermissionProfileUsers, "List the users of a permission profile.")
        {
            Items = "users", Columns = "id,fullName,emailAddress", Arguments = [Profile()],
        },
        new("permissions", "create", Op.CreatePermissionProfile, "Create a permission profile (the profile from --body).")
        {
            Items = "profile", Arguments = [Q(WorkspaceId, "workspaceId", Text, "The workspace.", required: true), B(Name, "name", Text, "The profile's name.")],
        },
        new("permissions", "update", Op.UpdatePermissionProfile, "Replace a permission profile (the profile from --body).")
        {
            Items = "profile", Arguments = [Profile(), B(Name, "name", Text, "The profile's name.")],
        },
        new("permissions call-access", "list", Op.GetUsersAccessToCalls, "List the users given individual access to calls.")
        {
            Items = "callAccessList", Columns = "callId,users", Arguments = [B(CallId, "filter.callIds", Texts, "A call's id; repeat for several.", required: true)],
        },
        new("permissions call-access", "grant", Op.AddUsersAccessToCalls, "Give users individual access to a call.") { Arguments = CallAccess() },
        new("permissions call-access", "revoke", Op.DeleteUsersAccessToCalls, "Take users' individual access to a call away (needs --yes).") { Arguments = CallAccess() },

        // Library, settings
        new("library", "folders", Op.GetLibraryStructure, "List the library's folders.")
        {
            Items = "folders", Columns = "id,name,parentFolderId,updated", Arguments = [Q(WorkspaceId, "workspaceId", Text, "Only this workspace's folders.")],
        },
        new("library", "folder-calls", Op.GetCallsInFolder, "List the calls in a library folder.")
        {
            Items = "calls", Columns = "id,title,addedBy,created,url", Arguments = [Q(FolderId, "folderId", Text, "The folder.", required: true)],
        },
        new("settings", "scorecards", Op.ListScorecards, "List the scorecards.") { Items = "scorecards", Columns = "scorecardId,scorecardName,enabled,reviewMethod" },
        new("settings", "trackers", Op.ListTrackers, "List the keyword trackers.")
        {
            Items = "keywordTrackers", Columns = "trackerId,trackerName,workspaceId", Arguments = [Q(WorkspaceId, "workspaceId", Text, "Only this workspace's trackers.")],
        },

        // Data privacy
        new("privacy", "for-email", Op.FindReferencesToEmail, "Show what refers to an e-mail address: calls, e-mails, meetings, CRM contacts and leads.")
        {
            Arguments = [Q(Email, "emailAddress", Text, "The address.", required: true)],
        },
        new("privacy", "for-phone", Op.FindReferencesToPhone, "Show what refers to a phone number.") { Arguments = [Q(Phone, "phoneNumber", Text, "The number.", required: true)] },
        new("privacy", "purge-email", Op.PurgeEmailAddress, "Erase an e-mail address and everything that refers to it (needs --yes; Gong takes hours).")
        {
            Arguments =
            [
                Q(Email, "emailAddress", Text, "The address.", required: true),
                new(ApiFlags.Job, ArgumentTarget.Local, "job", Text, false, "A job file: its CONTACTs and LEADs holding the address are first uploaded as deleted, so Gong does not bring them back."),
            ],
        },
        new("privacy", "purge-phone", Op.PurgePhoneNumber, "Erase a phone number and everything that refers to it (needs --yes; Gong takes hours).")
        {
            Arguments = [Q(Phone, "phoneNumber", Text, "The number.", required: true)],
        },

        // Engagement (bodies from --body: Gong's event documents)
        new("engagement", "content-shared", Op.ReportContentShared, "Report that content was shared (the event from --body)."),
        new("engagement", "content-viewed", Op.ReportContentViewed, "Report that content was viewed (the event from --body)."),
        new("engagement", "custom-action", Op.ReportCustomAction, "Report a custom action (the event from --body)."),
        new("engagement", "digital-interaction", Op.AddDigitalInteraction, "Report a digital interaction (the interaction from --body)."),

        // Auditing, workspaces, coaching, integration settings
        new("logs", "list", Op.ListLogs, "List audit log entries of a type in a time range.")
        {
            Items = "logEntries", Columns = "eventTime,userEmailAddress,userFullName,logRecord",
            Arguments =
            [
                Q(LogType, "logType", Text, "AccessLog, UserActivityLog, UserCallPlay, ExternallySharedCallAccess or ExternallySharedCallPlay.", required: true),
                Q(From, "fromDateTime", ArgumentKind.DateTime, "Entries at or after this time.", required: true),
                Q(To, "toDateTime", ArgumentKind.DateTime, "Entries before this time."),
            ],
        },
        new("workspaces", "list", Op.ListWorkspaces, "List the company's workspaces.") { Items = "workspaces", Columns = "id,name,description" },
        new("coaching", "list", Op.ListCoachingMetrics, "Show a manager's coaching metrics of their direct reports.")
        {
            Items = "coachingData",
            Arguments =
            [
                Q(WorkspaceId, "workspace-id", Text, "The workspace.", required: true),
                Q(ManagerId, "manager-id", Text, "The manager's Gong id.", required: true),
                Q(From, "from", ArgumentKind.DateTime, "The start of the period.", required: true),
                Q(To, "to", ArgumentKind.DateTime, "The end of the period.", required: true),
            ],
        },
        new("integration-settings", "set", Op.SetIntegrationSettings, "Set the origin allowed to embed one of Gong's tools (more from --body).")
        {
            Arguments =
            [
                B(IntegrationType, "integrationTypeSettings[0].integrationType", Text, "EMAIL_COMPOSER, ACCOUNT_PAGES or DIALER."),
                B(AllowedOrigin, "integrationTypeSettings[0].allowedOrigin", Text, "The origin, e.g. https://crm.example.com."),
            ],
        },
    ];

    /// <summary>Gets the Generic CRM operations and the workflow commands that send them.</summary>
    public static IReadOnlyList<(GongOperation Operation, string Command)> WorkflowCommands { get; } =
    [
        (Op.RegisterCrmIntegration, "integration register"),
        (Op.ListCrmIntegrations, "integration show"),
        (Op.DeleteCrmIntegration, "integration delete"),
        (Op.UploadCrmSchema, "schema push"),
        (Op.ListCrmSchema, "schema show"),
        (Op.UploadCrmData, "sync"),
        (Op.GetCrmRequestStatus, "status"),
        (Op.GetCrmObjects, "objects get"),
    ];

    /// <summary>Finds a command by its words, e.g. <c>permissions call-access grant</c>.</summary>
    public static ApiCommandSpec? Find(string command) => Commands.FirstOrDefault(c => c.Command == command);

    private static ApiCommandSpec Stats(string name, GongOperation operation, string description, string items, string columns) =>
        new("stats", name, operation, description)
        {
            Items = items,
            Columns = columns,
            BodyBase = Filter,
            Arguments =
            [
                B(From, "filter.fromDate", Date, "The first day (yyyy-MM-dd).", required: true),
                B(To, "filter.toDate", Date, "The day after the last (yyyy-MM-dd).", required: true),
                B(UserId, "filter.userIds", Texts, "Only this user; repeat for several."),
            ],
        };

    private static ApiArgument[] Meeting() =>
    [
        B(Title, "title", Text, "The meeting's title."),
        B(Start, "startTime", ArgumentKind.DateTime, "When it starts.", required: true),
        B(End, "endTime", ArgumentKind.DateTime, "When it ends.", required: true),
        B(OrganizerEmail, "organizerEmail", Text, "The organizer, a Gong user.", required: true),
        B(Invitee, "invitees", EmailObjects, "An invitee's e-mail address; repeat for several."),
    ];

    private static ApiArgument[] CallAccess() =>
    [
        B(CallId, "callAccessList[0].callId", Text, "The call.", required: true),
        B(UserId, "callAccessList[0].userIds", Texts, "A user's Gong id; repeat for several.", required: true),
    ];

    private static ApiArgument Profile() => Q(ProfileId, "profileId", Text, "The permission profile.", required: true);

    private static ApiArgument Q(ApiFlag flag, string name, ArgumentKind kind, string help, bool required = false) => new(flag, ArgumentTarget.Query, name, kind, required, help);

    private static ApiArgument P(ApiFlag flag, string name, string help) => new(flag, ArgumentTarget.Path, name, Text, true, help);

    private static ApiArgument B(ApiFlag flag, string path, ArgumentKind kind, string help, bool required = false) => new(flag, ArgumentTarget.Body, path, kind, required, help);
}
