namespace GongCrmBridge.Sandbox;

/// <summary>The operations the emulator serves: Gong's eight Generic CRM endpoints (CRM-API.md §2) first, then the 46
/// others of <c>gong-api/OPERATIONS.md</c>.</summary>
internal enum SandboxRoute
{
    /// <summary><c>PUT /v2/crm/integrations</c>.</summary>
    RegisterIntegration,

    /// <summary><c>GET /v2/crm/integrations</c>.</summary>
    ListIntegrations,

    /// <summary><c>DELETE /v2/crm/integrations</c>.</summary>
    DeleteIntegration,

    /// <summary><c>POST /v2/crm/entity-schema</c>.</summary>
    UploadSchema,

    /// <summary><c>GET /v2/crm/entity-schema</c>.</summary>
    GetSchema,

    /// <summary><c>POST /v2/crm/entities</c>.</summary>
    UploadEntities,

    /// <summary><c>GET /v2/crm/request-status</c>.</summary>
    RequestStatus,

    /// <summary><c>GET /v2/crm/entities</c>.</summary>
    GetEntities,

    /// <summary><c>GET /v2/users</c>.</summary>
    ListUsers,

    /// <summary><c>GET /v2/users/{id}</c>.</summary>
    GetUser,

    /// <summary><c>GET /v2/users/{id}/settings-history</c>.</summary>
    GetUserHistory,

    /// <summary><c>POST /v2/users/extensive</c>.</summary>
    ListUsersExtensive,

    /// <summary><c>GET /v2/calls</c>.</summary>
    ListCalls,

    /// <summary><c>GET /v2/calls/{id}</c>.</summary>
    GetCall,

    /// <summary><c>POST /v2/calls</c>.</summary>
    AddCall,

    /// <summary><c>POST /v2/calls/extensive</c>.</summary>
    ListCallsExtensive,

    /// <summary><c>POST /v2/calls/transcript</c>.</summary>
    ListTranscripts,

    /// <summary><c>PUT /v2/calls/{id}/media</c>.</summary>
    AddCallMedia,

    /// <summary><c>GET /v2/calls/manual-crm-associations</c>.</summary>
    ListManualCrmAssociations,

    /// <summary><c>POST /v2/stats/activity/aggregate</c>.</summary>
    AggregateActivity,

    /// <summary><c>POST /v2/stats/activity/day-by-day</c>.</summary>
    DayByDayActivity,

    /// <summary><c>POST /v2/stats/activity/scorecards</c>.</summary>
    AnsweredScorecards,

    /// <summary><c>POST /v2/stats/interaction</c>.</summary>
    InteractionStats,

    /// <summary><c>GET /v2/flows</c>.</summary>
    ListFlows,

    /// <summary><c>POST /v2/flows/prospects</c>.</summary>
    ProspectsFlows,

    /// <summary><c>POST /v2/flows/prospects/assign</c>.</summary>
    AssignProspects,

    /// <summary><c>POST /v2/meetings</c>.</summary>
    AddMeeting,

    /// <summary><c>PUT /v2/meetings/{meetingId}</c>.</summary>
    UpdateMeeting,

    /// <summary><c>DELETE /v2/meetings/{meetingId}</c>.</summary>
    DeleteMeeting,

    /// <summary><c>POST /v2/meetings/integration/status</c>.</summary>
    MeetingIntegrationStatus,

    /// <summary><c>GET /v2/all-permission-profiles</c>.</summary>
    ListPermissionProfiles,

    /// <summary><c>GET /v2/permission-profile</c>.</summary>
    GetPermissionProfile,

    /// <summary><c>GET /v2/permission-profile/users</c>.</summary>
    ListPermissionProfileUsers,

    /// <summary><c>POST /v2/permission-profile</c>.</summary>
    CreatePermissionProfile,

    /// <summary><c>PUT /v2/permission-profile</c>.</summary>
    UpdatePermissionProfile,

    /// <summary><c>POST /v2/calls/users-access</c>.</summary>
    GetCallAccess,

    /// <summary><c>PUT /v2/calls/users-access</c>.</summary>
    AddCallAccess,

    /// <summary><c>DELETE /v2/calls/users-access</c>.</summary>
    DeleteCallAccess,

    /// <summary><c>GET /v2/library/folders</c>.</summary>
    ListLibraryFolders,

    /// <summary><c>GET /v2/library/folder-content</c>.</summary>
    GetLibraryFolderContent,

    /// <summary><c>GET /v2/settings/scorecards</c>.</summary>
    ListScorecards,

    /// <summary><c>GET /v2/settings/trackers</c>.</summary>
    ListTrackers,

    /// <summary><c>GET /v2/data-privacy/data-for-email-address</c>.</summary>
    DataForEmail,

    /// <summary><c>GET /v2/data-privacy/data-for-phone-number</c>.</summary>
    DataForPhone,

    /// <summary><c>POST /v2/data-privacy/erase-data-for-email-address</c>.</summary>
    EraseEmail,

    /// <summary><c>POST /v2/data-privacy/erase-data-for-phone-number</c>.</summary>
    ErasePhone,

    /// <summary><c>PUT /v2/customer-engagement/content/shared</c>.</summary>
    ContentShared,

    /// <summary><c>PUT /v2/customer-engagement/content/viewed</c>.</summary>
    ContentViewed,

    /// <summary><c>PUT /v2/customer-engagement/action</c>.</summary>
    CustomAction,

    /// <summary><c>POST /v2/digital-interaction</c>.</summary>
    DigitalInteraction,

    /// <summary><c>GET /v2/logs</c>.</summary>
    ListLogs,

    /// <summary><c>GET /v2/workspaces</c>.</summary>
    ListWorkspaces,

    /// <summary><c>GET /v2/coaching</c>.</summary>
    ListCoaching,

    /// <summary><c>POST /v2/integration-settings</c>.</summary>
    IntegrationSettings,
}
