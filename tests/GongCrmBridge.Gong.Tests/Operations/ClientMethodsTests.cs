using System.Text.RegularExpressions;
using Flurl.Http.Testing;
using GongCrmBridge.Gong.Api;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Tests.Support;

namespace GongCrmBridge.Gong.Tests.Operations;

/// <summary>Every operation of the table has a typed client method, and that method sends the operation: its verb,
/// its path with the values filled in, its required parameters, and its kind of body.</summary>
public sealed class ClientMethodsTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly HttpTest _http = new();
    // A rate above the number of calls: the limiter never waits for the fake clock.
    private readonly GongCrmClient _client = Clients.Create(Clients.NewClock(), o => o.RequestsPerSecond = 1000);
    private readonly string _file = Path.GetTempFileName();

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        File.Delete(_file);
    }

    /// <summary>One call of each typed method, by the operation it is for.</summary>
    private Dictionary<string, Func<GongCrmClient, Task>> Methods() => new()
    {
        ["listUsers"] = c => FirstPage(c.Users.ListAsync(includeAvatars: true)),
        ["getUser"] = c => c.Users.GetAsync("u1"),
        ["getUserHistory"] = c => c.Users.GetSettingsHistoryAsync("u1"),
        ["listMultipleUsers"] = c => FirstPage(c.Users.ListByFilterAsync(new UsersFilter { UserIds = ["u1"] })),
        ["listCalls"] = c => FirstPage(c.Calls.ListAsync(From, To, "w1")),
        ["getCall"] = c => c.Calls.GetAsync("c1"),
        ["addCall"] = c => c.Calls.AddAsync(new NewCallRequest { ClientUniqueId = "x1", ActualStart = "2024-03-01T10:00:00Z", Direction = "Outbound", PrimaryUser = "u1", Parties = [new CallParticipant { UserId = "u1" }] }),
        ["listCallsExtensive"] = c => FirstPage(c.Calls.ListExtensiveAsync(new CallsExtensiveFilter { CallIds = ["c1"] }, new ContentSelector { Context = "Extended" })),
        ["getCallTranscripts"] = c => FirstPage(c.Calls.ListTranscriptsAsync(new CallsFilter { CallIds = ["c1"] })),
        ["addCallRecording"] = c => c.Calls.AddMediaAsync("c1", _file),
        ["listCRMCallsManualAssociationUsingGET"] = c => FirstPage(c.Calls.ListManualCrmAssociationsAsync(From)),
        ["listMultipleUsersAggregateActivity"] = c => FirstPage(c.Stats.ListAggregateActivityAsync(Dates())),
        ["listMultipleUsersDayByDayActivity"] = c => FirstPage(c.Stats.ListDayByDayActivityAsync(Dates())),
        ["listAnsweredScorecards"] = c => FirstPage(c.Stats.ListAnsweredScorecardsAsync(new AnsweredScorecardsFilter { CallFromDate = "2024-03-01" })),
        ["listInteractionStats"] = c => FirstPage(c.Stats.ListInteractionStatsAsync(Dates())),
        ["listFlows"] = c => FirstPage(c.Flows.ListAsync("owner@x.example")),
        ["getProspectsAssignedFlows"] = c => c.Flows.GetProspectsFlowsAsync(new ProspectFlowsRequest { CrmProspectsIds = ["p1"] }),
        ["assignProspects"] = c => c.Flows.AssignProspectsAsync(new AssignFlowRequest { FlowId = "f1", FlowInstanceOwnerEmail = "o@x.example", CrmProspectsIds = ["p1"] }),
        ["addMeeting"] = c => c.Meetings.CreateAsync(Meeting()),
        ["updateMeeting"] = c => c.Meetings.UpdateAsync("123", Meeting()),
        ["deleteMeeting"] = c => c.Meetings.DeleteAsync("123", "o@x.example"),
        ["integrationStatus"] = c => c.Meetings.GetIntegrationStatusAsync(["a@x.example"]),
        ["listPermissionProfile"] = c => c.Permissions.ListProfilesAsync("w1"),
        ["getPermissionProfile"] = c => c.Permissions.GetProfileAsync("p1"),
        ["listPermissionProfileUsers"] = c => c.Permissions.ListProfileUsersAsync("p1"),
        ["createPermissionProfile"] = c => c.Permissions.CreateProfileAsync("w1", new PermissionProfile { Name = "Readers" }),
        ["updatePermissionProfile"] = c => c.Permissions.UpdateProfileAsync("p1", new PermissionProfile { Name = "Readers" }),
        ["getUsersAccessToCalls"] = c => c.Permissions.GetCallAccessAsync(["c1"]),
        ["addUsersAccessToCalls"] = c => c.Permissions.GrantCallAccessAsync([new CallUsersAccess { CallId = "c1", UserIds = ["u1"] }]),
        ["deleteUsersAccessToCalls"] = c => c.Permissions.RevokeCallAccessAsync([new CallUsersAccess { CallId = "c1", UserIds = ["u1"] }]),
        ["getLibraryStructure"] = c => c.Library.ListFoldersAsync("w1"),
        ["getCallsInSpecificFolder"] = c => c.Library.GetFolderCallsAsync("f1"),
        ["listScorecards"] = c => c.Settings.ListScorecardsAsync(),
        ["listTrackers"] = c => c.Settings.ListTrackersAsync("w1"),
        ["findAllReferencesToEmailAddress"] = c => c.Privacy.FindReferencesToEmailAsync("a@x.example"),
        ["findAllReferencesToPhoneNumber"] = c => c.Privacy.FindReferencesToPhoneAsync("+15551234567"),
        ["purgeEmailAddress"] = c => c.Privacy.EraseEmailAsync("a@x.example"),
        ["purgePhoneNumber"] = c => c.Privacy.ErasePhoneAsync("+15551234567"),
        ["contentShared"] = c => c.Engagement.ReportContentSharedAsync(new ContentSharedEvent { ReportingSystem = "cms", EventTimestamp = "2024-03-01T10:00:00Z", ContentId = "d1", ContentUrl = "https://x.example/d1", ContentTitle = "Deck" }),
        ["contentViewed"] = c => c.Engagement.ReportContentViewedAsync(new ContentViewedEvent { ReportingSystem = "cms", EventTimestamp = "2024-03-01T10:00:00Z", ContentId = "d1", ContentUrl = "https://x.example/d1", ContentTitle = "Deck" }),
        ["customAction"] = c => c.Engagement.ReportCustomActionAsync(new CustomActionEvent { ReportingSystem = "cms", EventTimestamp = "2024-03-01T10:00:00Z" }),
        ["addDigitalInteraction"] = c => c.Engagement.AddDigitalInteractionAsync(new DigitalInteraction { EventId = "e1", EventType = "visit", Timestamp = From, Content = new DigitalContent { ContentTitle = "Pricing" } }),
        ["listLogs"] = c => FirstPage(c.Logs.ListAsync("AccessLog", From, To)),
        ["listWorkspaces"] = c => c.Workspaces.ListAsync(),
        ["listCoachingMetrics"] = c => c.Coaching.ListMetricsAsync("w1", "m1", From, To),
        ["integrationSettings"] = c => c.IntegrationSettings.SetAsync(new IntegrationSettingsRequest { IntegrationTypeSettings = [new IntegrationTypeSettings { IntegrationType = "DIALER", AllowedOrigin = "https://x.example" }] }),
        ["registerGenericCrmIntegration"] = c => c.RegisterIntegrationAsync("Bridge", "o@x.example"),
        ["listGenericCrmIntegration"] = c => c.ListIntegrationsAsync(),
        ["deleteGenericCrmIntegration"] = c => c.DeleteIntegrationAsync(7, "del-1"),
        ["uploadCrmSchemaField"] = c => c.UploadSchemaAsync(7, CrmObjectType.Account, [new CrmSchemaField("tier", "Tier", CrmFieldType.STRING)]),
        ["listCrmSchemaFields"] = c => c.GetSchemaAsync(7, CrmObjectType.Account),
        ["uploadCrmData"] = c => c.UploadEntitiesAsync(7, CrmObjectType.Account, "up-1", _file),
        ["getRequestStatus"] = c => c.GetRequestStatusAsync(7, "up-1"),
        ["getCrmObjects"] = c => c.GetObjectsAsync(7, CrmObjectType.Account, ["A-1"]),
    };

    [Fact]
    public void Methods_CoverEveryOperation()
    {
        Assert.Equal(GongOperations.All.Select(o => o.OperationId).Order(), Methods().Keys.Order());
    }

    [Fact]
    public async Task EveryMethod_SendsItsOperation()
    {
        // Given Gong answering every call with an empty object (plus the id a registration needs)
        _http.RespondWith("""{"requestId":"r1","integrationId":5}""");
        var problems = new List<string>();

        foreach (var (operationId, call) in Methods())
        {
            // When the operation's method is called
            var operation = GongOperations.All.Single(o => o.OperationId == operationId);
            var before = _http.CallLog.Count;
            await call(_client);

            // Then exactly one HTTP call was made, the operation's, with its required parameters and kind of body
            var calls = _http.CallLog.Skip(before).ToList();
            if (calls.Count != 1)
            {
                problems.Add($"{operationId}: {calls.Count} calls");
                continue;
            }

            var sent = calls[0];
            var pattern = "^" + Regex.Replace(Regex.Escape(operation.Path), @"\\\{[^}]+}", "[^/?]+") + "$";
            if (sent.Request.Verb.Method != operation.Method || !Regex.IsMatch(sent.Request.Url.Path, pattern))
            {
                problems.Add($"{operationId}: sent {sent.Request.Verb} {sent.Request.Url.Path}, expected {operation.Name}");
            }

            foreach (var parameter in operation.Parameters.Where(p => p is { Required: true, In: GongParameterLocation.Query }))
            {
                if (!sent.Request.Url.QueryParams.Contains(parameter.Name))
                {
                    problems.Add($"{operationId}: no query parameter {parameter.Name}");
                }
            }

            var mediaType = sent.HttpRequestMessage.Content?.Headers.ContentType?.MediaType;
            var expected = operation.Body switch
            {
                GongBodyKind.Json => "application/json",
                GongBodyKind.Multipart => "multipart/form-data",
                _ => null,
            };
            if (mediaType != expected)
            {
                problems.Add($"{operationId}: body {mediaType ?? "none"}, expected {expected ?? "none"}");
            }
        }

        Assert.Empty(problems);
    }

    private static UserStatsFilter Dates() => new() { FromDate = new DateOnly(2024, 3, 1), ToDate = new DateOnly(2024, 3, 8) };

    private static MeetingRequest Meeting() => new() { StartTime = "2024-03-01T10:00:00Z", EndTime = "2024-03-01T11:00:00Z", OrganizerEmail = "o@x.example", Invitees = [new MeetingInvitee { Email = "i@x.example" }] };

    private static async Task FirstPage<TPage>(IAsyncEnumerable<TPage> pages)
    {
        await foreach (var _ in pages)
        {
            break;
        }
    }
}
