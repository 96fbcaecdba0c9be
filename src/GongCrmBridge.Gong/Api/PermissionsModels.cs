#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>The body of <c>PUT</c> and <c>DELETE /v2/calls/users-access</c>: users to give or take access to calls.</summary>
public sealed record CallAccessChangeRequest
{
    public IReadOnlyList<CallUsersAccess>? CallAccessList { get; init; }
}

/// <summary>The users given individual access to one call.</summary>
public sealed record CallAccessDetails
{
    public string? CallId { get; init; }
    public IReadOnlyList<CallAccessUser>? Users { get; init; }
}

/// <summary>The calls whose individual access is asked for.</summary>
public sealed record CallAccessFilter
{
    public required IReadOnlyList<string> CallIds { get; init; }
}

/// <summary>The body of <c>POST /v2/calls/users-access</c>.</summary>
public sealed record CallAccessRequest
{
    public required CallAccessFilter Filter { get; init; }
}

/// <summary>The answer of <c>POST /v2/calls/users-access</c>.</summary>
public sealed record CallAccessResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<CallAccessDetails>? CallAccessList { get; init; }
}

/// <summary>A user with individual access to a call.</summary>
public sealed record CallAccessUser
{
    public string? UserId { get; init; }
}

/// <summary>One call and the users whose access changes.</summary>
public sealed record CallUsersAccess
{
    public required string CallId { get; init; }
    public required IReadOnlyList<string> UserIds { get; init; }
}

/// <summary>A profile's forecast permissions.</summary>
public sealed record ForecastPermissions
{
    public PermissionLevelAccess? ForecastAccess { get; init; }
    public PermissionLevelAccess? ForecastEditSubmissions { get; init; }
    public PermissionLevelAccess? ForecastEditTargets { get; init; }
}

/// <summary>Which library folders a profile reaches and what it may do with them.</summary>
public sealed record LibraryFolderAccess
{
    /// <summary>Gets Gong's value: <c>none</c>, <c>all</c>, <c>specific-folders</c> (text: Gong may add values).</summary>
    public string? PermissionLevel { get; init; }

    public IReadOnlyList<string>? LibraryFolderIds { get; init; }
    public bool? ManagePublicFolder { get; init; }
    public bool? ManageStreams { get; init; }
    public bool? ManageFolderCalls { get; init; }
    public bool? ShareFoldersAndStreams { get; init; }
}

/// <summary>Whose data a permission covers (<c>all</c>, <c>managers-team</c>, <c>report-to-them</c>, <c>own</c>, <c>none</c>), and the team leads it names.</summary>
public sealed record PermissionLevelAccess
{
    /// <summary>Gets Gong's value: <c>all</c>, <c>managers-team</c>, <c>report-to-them</c>, <c>own</c>, <c>none</c> (text: Gong may add values).</summary>
    public string? PermissionLevel { get; init; }

    public IReadOnlyList<string>? TeamLeadIds { get; init; }
}

/// <summary>A permission profile: what its users may see and do. Also the body of create and update.</summary>
public sealed record PermissionProfile
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public PermissionLevelAccess? CallsAccess { get; init; }
    public LibraryFolderAccess? LibraryFolderAccess { get; init; }
    public PermissionLevelAccess? DealsAccess { get; init; }
    public ForecastPermissions? ForecastPermissions { get; init; }
    public PermissionLevelAccess? CoachingAccess { get; init; }
    public PermissionLevelAccess? InsightsAccess { get; init; }
    public PermissionLevelAccess? UsageAccess { get; init; }
    public PermissionLevelAccess? EmailsAccess { get; init; }
    public bool? ScoreCalls { get; init; }
    public bool? OverrideScore { get; init; }
    public bool? DownloadCallMedia { get; init; }
    public bool? ShareCallsWithCustomers { get; init; }
    public bool? ManuallyScheduleAndUploadCalls { get; init; }
    public bool? PrivateCalls { get; init; }
    public bool? DeleteCalls { get; init; }
    public bool? TrimCalls { get; init; }
    public bool? ListenInCalls { get; init; }
    public bool? DeleteEmails { get; init; }
    public bool? CallsAndSearch { get; init; }
    public bool? Library { get; init; }
    public bool? Deals { get; init; }
    public bool? CreateEditAndDeleteDealsBoards { get; init; }
    public bool? DealsInlineEditing { get; init; }
    public bool? Account { get; init; }
    public bool? Coaching { get; init; }
    public bool? Usage { get; init; }
    public bool? TeamStats { get; init; }
    public bool? Initiatives { get; init; }
    public bool? Market { get; init; }
    public bool? Activity { get; init; }
    public bool? Forecast { get; init; }
    public bool? ForecastManage { get; init; }
    public bool? EngageManageCompanyTemplates { get; init; }
    public bool? EngageManageCompanySequences { get; init; }
    public bool? EngageCreateAndManageRulesets { get; init; }
    public bool? EngageSnoozeFlowToDosForOthers { get; init; }
    public bool? EngageAllowCrmFieldsViewChange { get; init; }
    public bool? ViewEngageAnalyticsActivity { get; init; }
    public bool? ViewEngageAnalyticsPerformance { get; init; }
    public bool? ViewEngageAnalyticsFlows { get; init; }
    public bool? ManageGeneralBusinessSettings { get; init; }
    public bool? ManageScorecards { get; init; }
    public bool? ExportCallsAndCoachingDataToCSV { get; init; }
    public bool? CrmDataInlineEditing { get; init; }
    public bool? CrmDataImport { get; init; }
    public bool? ViewRevenueAnalytics { get; init; }
    public bool? ManageRevenueAnalytics { get; init; }
    public bool? EngageReassignFlowToDosToOthers { get; init; }
    public bool? EngageAssignFlowToDosToOthers { get; init; }
    public bool? DealsDataExport { get; init; }
    public bool? AiBuilder { get; init; }
    public bool? OrchestrateCreateAndManagePlays { get; init; }
}

/// <summary>The answer of the single permission profile operations (get, create, update).</summary>
public sealed record PermissionProfileResponse
{
    public string? RequestId { get; init; }
    public PermissionProfile? Profile { get; init; }
}

/// <summary>The answer of <c>GET /v2/permission-profile/users</c>.</summary>
public sealed record PermissionProfileUsersResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<ProfileUser>? Users { get; init; }
}

/// <summary>The answer of <c>GET /v2/all-permission-profiles</c>.</summary>
public sealed record PermissionProfilesResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<PermissionProfile>? Profiles { get; init; }
}

/// <summary>A user of a permission profile.</summary>
public sealed record ProfileUser
{
    public string? Id { get; init; }
    public string? FullName { get; init; }
    public string? EmailAddress { get; init; }
}
