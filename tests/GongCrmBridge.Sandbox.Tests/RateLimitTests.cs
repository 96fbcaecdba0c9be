using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task PerSecond_FourthCallInSameSecond_Returns429WithRetryAfterSeconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(requestsPerSecond: 3, time: time), register: false);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await test.Http.GetAsync("/v2/crm/integrations");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        time.Advance(TimeSpan.FromMilliseconds(400));
        using var limited = await test.Http.GetAsync("/v2/crm/integrations");

        await TestSandbox.AssertErrorAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("1", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(1, test.Sandbox.State.RateLimitedCallCount);
    }

    [Fact]
    public async Task PerSecond_AfterTheWindowPasses_AcceptsAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(requestsPerSecond: 3, time: time), register: false);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await test.Http.GetAsync("/v2/crm/integrations");
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await test.Http.GetAsync("/v2/crm/integrations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PerSecond_BelowOnePerSecond_WidensTheWindowAndAnnouncesTheWait()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(requestsPerSecond: 0.25, time: time), register: false);
        using var first = await test.Http.GetAsync("/v2/crm/integrations");

        time.Advance(TimeSpan.FromSeconds(1));
        using var second = await test.Http.GetAsync("/v2/crm/integrations");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("3", second.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task PerDay_AboveTheDailyBudget_Returns429UntilUtcMidnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 23, 0, 0, TimeSpan.Zero));
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(requestsPerDay: 2, time: time), register: false);
        using var first = await test.Http.GetAsync("/v2/crm/integrations");
        using var second = await test.Http.GetAsync("/v2/crm/integrations");

        using var third = await test.Http.GetAsync("/v2/crm/integrations");
        time.Advance(TimeSpan.FromHours(1));
        using var nextDay = await test.Http.GetAsync("/v2/crm/integrations");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await TestSandbox.AssertErrorAsync(third, HttpStatusCode.TooManyRequests);
        Assert.Equal("3600", third.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
    }

    [Fact]
    public async Task CallCount_CountsEveryCallPerRoute()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        using var a = await test.Http.GetAsync("/v2/crm/integrations");
        using var b = await test.Http.GetAsync("/v2/crm/integrations");
        using var c = await test.Http.GetAsync("/v2/crm/entity-schema");

        Assert.Equal(3, test.Sandbox.State.CallCount());
        Assert.Equal(2, test.Sandbox.State.CallCount(SandboxRoute.ListIntegrations));
        Assert.Equal(1, test.Sandbox.State.CallCount(SandboxRoute.GetSchema));
    }
}
