using GongCrmBridge.Gong.Api;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Gong.Tests.Support;

/// <summary>What the calls of <see cref="EveryOperation"/> act on. The defaults suit a fake server; against the
/// emulator, seeded ids are set and earlier calls fill in what later ones need (the integration, the meeting).</summary>
internal sealed class OperationTargets
{
    public required string File { get; init; }

    public string UserId { get; init; } = "u1";

    public string UserEmail { get; init; } = "o@x.example";

    public string CallId { get; init; } = "c1";

    public string ManagerId { get; init; } = "m1";

    public string WorkspaceId { get; init; } = "w1";

    public string ProfileId { get; init; } = "p1";

    public string FolderId { get; init; } = "f1";

    public string FlowId { get; init; } = "f1";

    public string MeetingId { get; set; } = "123";

    public long IntegrationId { get; set; } = 7;
}

/// <summary>One call of every typed client method, by the operation it is for, in an order that also works against
/// the emulator (register before upload, create a meeting before updating and deleting it, erase last).</summary>
internal static class EveryOperation
{
    private static readonly DateTimeOffset From = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<(string OperationId, Func<GongCrmClient, Task> Call)> Calls(OperationTargets t) =>
    [
        ("registerGenericCrmIntegration", async c => t.IntegrationId = (await c.RegisterIntegrationAsync("Bridge", "owner@x.example")).IntegrationId),
        ("listGenericCrmIntegration", c => c.ListIntegrationsAsync()),
        ("uploadCrmSchemaField", c => c.UploadSchemaAsync(t.IntegrationId, CrmObjectType.Account, [new CrmSchemaField("tier", "Tier", CrmFieldType.STRING)])),
        ("listCrmSchemaFields", c => c.GetSchemaAsync(t.IntegrationId, CrmObjectType.Account)),
        ("uploadCrmData", c => c.UploadEntitiesAsync(t.IntegrationId, CrmObjectType.Account, "up-1", t.File)),
        ("getRequestStatus", c => c.GetRequestStatusAsync(t.IntegrationId, "up-1")),
        ("getCrmObjects", c => c.GetObjectsAsync(t.IntegrationId, CrmObjectType.Account, ["A-1"])),
        ("listUsers", c => FirstPage(c.Users.ListAsync(includeAvatars: true))),
        ("getUser", c => c.Users.GetAsync(t.UserId)),
        ("getUserHistory", c => c.Users.GetSettingsHistoryAsync(t.UserId)),
        ("listMultipleUsers", c => FirstPage(c.Users.ListByFilterAsync(new UsersFilter { UserIds = [t.UserId] }))),
        ("listCalls", c => FirstPage(c.Calls.ListAsync(From, To, t.WorkspaceId))),
        ("getCall", c => c.Calls.GetAsync(t.CallId)),
        ("addCall", c => c.Calls.AddAsync(new NewCallRequest { ClientUniqueId = "x1", ActualStart = "2024-03-01T10:00:00Z", Direction = "Outbound", PrimaryUser = t.UserId, Parties = [new CallParticipant { UserId = t.UserId }] })),
        ("listCallsExtensive", c => FirstPage(c.Calls.ListExtensiveAsync(new CallsExtensiveFilter { CallIds = [t.CallId] }, new ContentSelector { Context = "Extended" }))),
        ("getCallTranscripts", c => FirstPage(c.Calls.ListTranscriptsAsync(new CallsFilter { CallIds = [t.CallId] }))),
        ("addCallRecording", c => c.Calls.AddMediaAsync(t.CallId, t.File)),
        ("listCRMCallsManualAssociationUsingGET", c => FirstPage(c.Calls.ListManualCrmAssociationsAsync(From))),
        ("listMultipleUsersAggregateActivity", c => FirstPage(c.Stats.ListAggregateActivityAsync(Dates()))),
        ("listMultipleUsersDayByDayActivity", c => FirstPage(c.Stats.ListDayByDayActivityAsync(Dates()))),
        ("listAnsweredScorecards", c => FirstPage(c.Stats.ListAnsweredScorecardsAsync(new AnsweredScorecardsFilter { CallFromDate = "2024-03-01T00:00:00Z" }))),
        ("listInteractionStats", c => FirstPage(c.Stats.ListInteractionStatsAsync(Dates()))),
        ("listFlows", c => FirstPage(c.Flows.ListAsync(t.UserEmail))),
        ("assignProspects", c => c.Flows.AssignProspectsAsync(new AssignFlowRequest { FlowId = t.FlowId, FlowInstanceOwnerEmail = t.UserEmail, CrmProspectsIds = ["p1"] })),
        ("getProspectsAssignedFlows", c => c.Flows.GetProspectsFlowsAsync(new ProspectFlowsRequest { CrmProspectsIds = ["p1"] })),
        ("addMeeting", async c => t.MeetingId = (await c.Meetings.CreateAsync(Meeting(t))).MeetingId ?? t.MeetingId),
        ("updateMeeting", c => c.Meetings.UpdateAsync(t.MeetingId, Meeting(t))),
        ("integrationStatus", c => c.Meetings.GetIntegrationStatusAsync([t.UserEmail])),
        ("deleteMeeting", c => c.Meetings.DeleteAsync(t.MeetingId, t.UserEmail)),
        ("listPermissionProfile", c => c.Permissions.ListProfilesAsync(t.WorkspaceId)),
        ("getPermissionProfile", c => c.Permissions.GetProfileAsync(t.ProfileId)),
        ("listPermissionProfileUsers", c => c.Permissions.ListProfileUsersAsync(t.ProfileId)),
        ("createPermissionProfile", c => c.Permissions.CreateProfileAsync(t.WorkspaceId, new PermissionProfile { Name = "Readers" })),
        ("updatePermissionProfile", c => c.Permissions.UpdateProfileAsync(t.ProfileId, new PermissionProfile { Name = "Readers" })),
        ("addUsersAccessToCalls", c => c.Permissions.GrantCallAccessAsync([new CallUsersAccess { CallId = t.CallId, UserIds = [t.UserId] }])),
        ("getUsersAccessToCalls", c => c.Permissions.GetCallAccessAsync([t.CallId])),
        ("deleteUsersAccessToCalls", c => c.Permissions.RevokeCallAccessAsync([new CallUsersAccess { CallId = t.CallId, UserIds = [t.UserId] }])),
        ("getLibraryStructure", c => c.Library.ListFoldersAsync(t.WorkspaceId)),
        ("getCallsInSpecificFolder", c => c.Library.GetFolderCallsAsync(t.FolderId)),
        ("listScorecards", c => c.Settings.ListScorecardsAsync()),
        ("listTrackers", c => c.Settings.ListTrackersAsync(t.WorkspaceId)),
        ("contentShared", c => c.Engagement.ReportContentSharedAsync(new ContentSharedEvent { ReportingSystem = "cms", EventTimestamp = "2024-03-01T10:00:00Z", ContentId = "d1", ContentUrl = "https://x.example/d1", ContentTitle = "Deck" })),
        ("contentViewed", c => c.Engagement.ReportContentViewedAsync(new ContentViewedEvent { ReportingSystem = "cms", EventTimestamp = "2024-03-01T10:00:00Z", ContentId = "d1", ContentUrl = "https://x.example/d1", ContentTitle = "Deck" })),
        ("customAction", c => c.Engagement.ReportCustomActionAsync(new CustomActionEvent { ReportingSystem = "cms", EventTimestamp = "2024-03-01T10:00:00Z" })),
        ("addDigitalInteraction", c => c.Engagement.AddDigitalInteractionAsync(new DigitalInteraction { EventId = "e1", EventType = "visit", Timestamp = From, Content = new DigitalContent { ContentTitle = "Pricing" } })),
        ("listLogs", c => FirstPage(c.Logs.ListAsync("AccessLog", From, To))),
        ("listWorkspaces", c => c.Workspaces.ListAsync()),
        ("listCoachingMetrics", c => c.Coaching.ListMetricsAsync(t.WorkspaceId, t.ManagerId, From, To)),
        ("integrationSettings", c => c.IntegrationSettings.SetAsync(new IntegrationSettingsRequest { IntegrationTypeSettings = [new IntegrationTypeSettings { IntegrationType = "DIALER", AllowedOrigin = "https://x.example" }] })),
        ("findAllReferencesToEmailAddress", c => c.Privacy.FindReferencesToEmailAsync("pat.lee@contoso.example")),
        ("findAllReferencesToPhoneNumber", c => c.Privacy.FindReferencesToPhoneAsync("+15551234567")),
        ("purgeEmailAddress", c => c.Privacy.EraseEmailAsync("pat.lee@contoso.example")),
        ("purgePhoneNumber", c => c.Privacy.ErasePhoneAsync("+15551234567")),
        ("deleteGenericCrmIntegration", c => c.DeleteIntegrationAsync(t.IntegrationId, "del-1")),
    ];

    private static UserStatsFilter Dates() => new() { FromDate = new DateOnly(2024, 3, 1), ToDate = new DateOnly(2024, 3, 31) };

    private static MeetingRequest Meeting(OperationTargets t) => new() { StartTime = "2024-03-01T10:00:00Z", EndTime = "2024-03-01T11:00:00Z", OrganizerEmail = t.UserEmail, Invitees = [new MeetingInvitee { Email = "i@x.example" }] };

    private static async Task FirstPage<TPage>(IAsyncEnumerable<TPage> pages)
    {
        await foreach (var _ in pages)
        {
            break;
        }
    }
}
