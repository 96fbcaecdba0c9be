using System.Net;
using System.Net.Http.Json;
using GongCrmBridge.Testing;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class FaultTests
{
    private const string Account = """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Fabrikam"}""";

    [Fact]
    public async Task FailNext_FailsExactlyThatManyCallsOfThatRoute()
    {
        await using var test = await TestSandbox.StartAsync();
        test.Sandbox.Faults.FailNext(SandboxRoute.ListIntegrations, 2, 503);

        using var first = await test.Http.GetAsync("/v2/crm/integrations");
        using var otherRoute = await test.Http.GetAsync($"/v2/crm/entity-schema?integrationId={test.IntegrationId}");
        using var second = await test.Http.GetAsync("/v2/crm/integrations");
        using var third = await test.Http.GetAsync("/v2/crm/integrations");

        await TestSandbox.AssertErrorAsync(first, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, otherRoute.StatusCode);
        await TestSandbox.AssertErrorAsync(second, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task FailNext_OnUpload_DoesNotAcceptTheFile()
    {
        await using var test = await TestSandbox.StartAsync();
        test.Sandbox.Faults.FailNext(SandboxRoute.UploadEntities, 1, 500);

        using var failed = await test.UploadAsync("ACCOUNT", "u1", Account);
        using var retried = await test.UploadAsync("ACCOUNT", "u1", Account);

        await TestSandbox.AssertErrorAsync(failed, HttpStatusCode.InternalServerError);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, test.Sandbox.State.UploadCount);
    }

    [Fact]
    public async Task RateLimitNext_Returns429WithTheGivenRetryAfter()
    {
        await using var test = await TestSandbox.StartAsync();
        test.Sandbox.Faults.RateLimitNext(SandboxRoute.RequestStatus, 1, TimeSpan.FromSeconds(6.2));
        await test.AcceptedUploadAsync("ACCOUNT", "u1", Account);

        using var limited = await test.Http.GetAsync($"/v2/crm/request-status?integrationId={test.IntegrationId}&clientRequestId=u1");
        var status = await test.StatusAsync("u1");

        await TestSandbox.AssertErrorAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("7", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("DONE", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DropConnectionNext_AfterProcessing_AppliesTheUploadThenAbortsAndRetryGets409()
    {
        await using var test = await TestSandbox.StartAsync();
        test.Sandbox.Faults.DropConnectionNext(SandboxRoute.UploadEntities, 1, afterProcessing: true);

        await Assert.ThrowsAsync<HttpRequestException>(() => test.UploadAsync("ACCOUNT", "u1", Account));
        using var retry = await test.UploadAsync("ACCOUNT", "u1", Account);
        var status = await test.CompleteAsync("u1");

        Assert.Equal(1, test.Sandbox.State.UploadCount);
        await TestSandbox.AssertErrorAsync(retry, HttpStatusCode.Conflict);
        Assert.Equal("DONE", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DropConnectionNext_BeforeProcessing_AbortsWithoutEffect()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        test.Sandbox.Faults.DropConnectionNext(SandboxRoute.RegisterIntegration, 1, afterProcessing: false);

        await Assert.ThrowsAsync<HttpRequestException>(() => test.Http.PutAsJsonAsync("/v2/crm/integrations", new { name = "n", ownerEmail = "o@c.example" }));

        Assert.Null(test.Sandbox.State.Integration);
        await test.RegisterAsync();
    }

    [Fact]
    public async Task Delay_HoldsTheResponseUntilTheTimeProviderAdvances()
    {
        // Given an emulator on a fake clock that delays its answers by 30 s
        var time = new TestClock(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(time: time), register: false);
        test.Sandbox.Faults.Delay(SandboxRoute.ListIntegrations, TimeSpan.FromSeconds(30));

        // When a call arrives, it is held on a 30 s timer; a tick short of it, still held
        var call = test.Http.GetAsync("/v2/crm/integrations");
        Assert.Equal(TimeSpan.FromSeconds(30), await time.WhenWaitingAsync(wait => wait == TimeSpan.FromSeconds(30)));
        time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        Assert.Contains(TimeSpan.FromTicks(1), time.PendingWaits);
        Assert.False(call.IsCompleted);

        // Then it is answered once the fake clock reaches the 30 s
        time.Advance(TimeSpan.FromTicks(1));
        using var response = await call.WaitAsync(TestClock.HangLimit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Delay_WithRealTime_SlowsTheCall()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        test.Sandbox.Faults.Delay(SandboxRoute.ListIntegrations, TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await test.Http.GetAsync("/v2/crm/integrations");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RejectRecords_RuleRejectsMatchingRecordsDuringProcessing()
    {
        await using var test = await TestSandbox.StartAsync();
        test.Sandbox.Faults.RejectRecords((type, record) =>
            type == "ACCOUNT" && record.GetProperty("name").GetString() == "Blocked" ? "Account is blocked by Gong" : null);
        var file = """
            {"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Fine"}
            {"objectId":"ACC-2","modifiedDate":"2024-03-01T08:00:00Z","name":"Blocked"}
            """;

        var status = await test.UploadAndCompleteAsync("ACCOUNT", file);

        var error = Assert.Single(status.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("Account is blocked by Gong", error.GetProperty("description").GetString());
        Assert.Equal(["ACC-1"], test.Sandbox.State.Objects("ACCOUNT").Keys);
    }

    [Fact]
    public async Task Clear_RemovesPendingFaultsDelaysAndRules()
    {
        await using var test = await TestSandbox.StartAsync();
        test.Sandbox.Faults.FailNext(SandboxRoute.ListIntegrations, 5, 500);
        test.Sandbox.Faults.Delay(SandboxRoute.ListIntegrations, TimeSpan.FromSeconds(30));
        test.Sandbox.Faults.RejectRecords((_, _) => "always");

        test.Sandbox.Faults.Clear();
        using var response = await test.Http.GetAsync("/v2/crm/integrations");
        var status = await test.UploadAndCompleteAsync("ACCOUNT", Account);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DONE", status.GetProperty("status").GetString());
    }
}
