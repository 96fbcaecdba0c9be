using System.Net;

namespace GongCrmBridge.Sandbox.Tests;

/// <summary>The emulator's other operations keep their rules: flow assignments (at most 100), meetings and their
/// organizer, individual call access, integration settings, coaching, and every request is counted.</summary>
public sealed class CompanyTests
{
    [Fact]
    public async Task AssignProspects_MoreThan100_400_AndAssignedOnesAreListed()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var owner = SandboxSeed.Users[1].EmailAddress;
        var tooMany = string.Join(",", Enumerable.Range(1, 101).Select(i => $"\"P-{i}\""));

        using var refused = await test.SendJsonAsync(HttpMethod.Post, "/v2/flows/prospects/assign", $$"""{"flowId":"8012001","flowInstanceOwnerEmail":"{{owner}}","crmProspectsIds":[{{tooMany}}]}""");
        var assigned = await test.SendOkAsync(HttpMethod.Post, "/v2/flows/prospects/assign", $$"""{"flowId":"8012001","flowInstanceOwnerEmail":"{{owner}}","crmProspectsIds":["CON-1"]}""");
        var again = await test.SendOkAsync(HttpMethod.Post, "/v2/flows/prospects/assign", $$"""{"flowId":"8012002","flowInstanceOwnerEmail":"{{owner}}","crmProspectsIds":["CON-1"]}""");
        var listed = await test.SendOkAsync(HttpMethod.Post, "/v2/flows/prospects", """{"crmProspectsIds":["CON-1"]}""");

        await TestSandbox.AssertErrorAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal("CON-1", Assert.Single(assigned.GetProperty("prospectsAssigned").EnumerateArray()).GetProperty("crmProspectId").GetString());
        Assert.Equal("InvalidState", Assert.Single(again.GetProperty("prospectsNotAssigned").EnumerateArray()).GetProperty("errorCode").GetString());
        Assert.Equal("8012001", Assert.Single(listed.GetProperty("prospectsAssigned").EnumerateArray()).GetProperty("flowId").GetString());
    }

    [Fact]
    public async Task Meetings_CreateUpdateDelete_OnlyTheOrganizerDeletes()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var organizer = SandboxSeed.Users[2].EmailAddress;
        var meeting = $$"""{"startTime":"2024-05-01T10:00:00Z","endTime":"2024-05-01T10:30:00Z","organizerEmail":"{{organizer}}","invitees":[{"email":"guest@tailspin.example"}],"title":"Demo"}""";

        var created = await test.SendOkAsync(HttpMethod.Post, "/v2/meetings", meeting);
        var id = created.GetProperty("meetingId").GetString();
        await test.SendOkAsync(HttpMethod.Put, "/v2/meetings/" + id, meeting.Replace("Demo", "Demo 2", StringComparison.Ordinal));
        using var wrongOrganizer = await test.SendJsonAsync(HttpMethod.Delete, "/v2/meetings/" + id, """{"organizerEmail":"someone@else.example"}""");
        await test.SendOkAsync(HttpMethod.Delete, "/v2/meetings/" + id, $$"""{"organizerEmail":"{{organizer}}"}""");
        using var gone = await test.SendJsonAsync(HttpMethod.Put, "/v2/meetings/" + id, meeting);
        using var notAUser = await test.SendJsonAsync(HttpMethod.Post, "/v2/meetings", meeting.Replace(organizer, "nobody@else.example", StringComparison.Ordinal));

        await TestSandbox.AssertErrorAsync(wrongOrganizer, HttpStatusCode.NotFound);
        await TestSandbox.AssertErrorAsync(gone, HttpStatusCode.NotFound);
        await TestSandbox.AssertErrorAsync(notAUser, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CallAccess_GrantThenRevoke_ListedThenGone()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var call = SandboxSeed.Calls[0].Id;
        var user = SandboxSeed.Users[9].Id;
        var change = $$"""{"callAccessList":[{"callId":"{{call}}","userIds":["{{user}}"]}]}""";
        var query = $$$"""{"filter":{"callIds":["{{{call}}}"]}}""";

        await test.SendOkAsync(HttpMethod.Put, "/v2/calls/users-access", change);
        var granted = await test.SendOkAsync(HttpMethod.Post, "/v2/calls/users-access", query);
        await test.SendOkAsync(HttpMethod.Delete, "/v2/calls/users-access", change);
        var revoked = await test.SendOkAsync(HttpMethod.Post, "/v2/calls/users-access", query);
        using var unknownCall = await test.SendJsonAsync(HttpMethod.Put, "/v2/calls/users-access", change.Replace(call, "1", StringComparison.Ordinal));

        Assert.Equal(user, granted.GetProperty("callAccessList")[0].GetProperty("users")[0].GetProperty("userId").GetString());
        Assert.Equal(0, revoked.GetProperty("callAccessList")[0].GetProperty("users").GetArrayLength());
        await TestSandbox.AssertErrorAsync(unknownCall, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IntegrationSettings_UnknownType_400()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var refused = await test.SendJsonAsync(HttpMethod.Post, "/v2/integration-settings", """{"integrationTypeSettings":[{"integrationType":"FAX","allowedOrigin":"https://crm.example"}]}""");
        await test.SendOkAsync(HttpMethod.Post, "/v2/integration-settings", """{"integrationTypeSettings":[{"integrationType":"DIALER","allowedOrigin":"https://crm.example"}]}""");

        await TestSandbox.AssertErrorAsync(refused, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Coaching_Manager_ListsTheDirectReports()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var manager = SandboxSeed.Users[6];

        var metrics = await test.GetOkAsync($"/v2/coaching?workspace-id={SandboxSeed.MainWorkspaceId}&manager-id={manager.Id}&from=2024-03-01T00:00:00Z&to=2024-04-01T00:00:00Z");
        using var incomplete = await test.Http.GetAsync("/v2/coaching?manager-id=" + manager.Id);

        var data = Assert.Single(metrics.GetProperty("coachingData").EnumerateArray());
        Assert.Equal(manager.Id, data.GetProperty("manager").GetProperty("id").GetString());
        Assert.Equal(4, data.GetProperty("directReportsMetrics").GetArrayLength());
        await TestSandbox.AssertErrorAsync(incomplete, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RequestCount_CountsEveryRequestUnknownPathsToo()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var known = await test.Http.GetAsync("/v2/workspaces");
        using var unknown = await test.Http.GetAsync("/v2/nothing-here");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(2, test.Sandbox.State.RequestCount);
        Assert.Equal(1, test.Sandbox.State.CallCount(SandboxRoute.ListWorkspaces));
    }
}
