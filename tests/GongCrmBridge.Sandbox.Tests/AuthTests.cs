using System.Net;
using System.Net.Http.Headers;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task AnyRoute_WithoutAuthorization_Returns401WithEnvelope()
    {
        await using var test = await TestSandbox.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = test.Sandbox.BaseUrl };

        using var response = await anonymous.GetAsync("/v2/crm/integrations");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(1, test.Sandbox.State.UnauthorizedCallCount);
    }

    [Fact]
    public async Task Basic_WithWrongSecret_Returns401()
    {
        await using var test = await TestSandbox.StartAsync();
        test.Http.DefaultRequestHeaders.Authorization = TestSandbox.BasicHeader(test.Sandbox.Options.AccessKey, "wrong");

        using var response = await test.Http.GetAsync("/v2/crm/integrations");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Basic_WithConfiguredKeyAndSecret_IsAccepted()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var response = await test.Http.GetAsync("/v2/crm/integrations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_WithConfiguredToken_IsAcceptedAndOtherTokenIsNot()
    {
        var options = new SandboxOptions { BearerToken = "tok-123", RequestsPerSecond = 1000, PollsUntilDone = 0 };
        await using var test = await TestSandbox.StartAsync(options, register: false);
        test.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "tok-123");
        using var accepted = await test.Http.GetAsync("/v2/crm/integrations");
        test.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "tok-999");
        using var refused = await test.Http.GetAsync("/v2/crm/integrations");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await TestSandbox.AssertErrorAsync(refused, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bearer_WhenOnlyBasicConfigured_Returns401()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        test.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", test.Sandbox.Options.AccessKeySecret);

        using var response = await test.Http.GetAsync("/v2/crm/integrations");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StartAsync_WithoutCredentials_FailsNamingTheOption()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => GongSandbox.StartAsync(new SandboxOptions()));

        Assert.Contains(nameof(SandboxOptions.AccessKey), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithGeneratedCredentials_TwoCalls_GiveDifferentSecrets()
    {
        var first = SandboxOptions.WithGeneratedCredentials();
        var second = SandboxOptions.WithGeneratedCredentials();

        Assert.NotEqual(first.AccessKeySecret, second.AccessKeySecret);
        Assert.False(string.IsNullOrEmpty(first.AccessKey));
        Assert.Equal(3, first.RequestsPerSecond);
        Assert.Equal(10_000, first.RequestsPerDay);
    }
}
