using System.Globalization;
using Flurl.Http.Testing;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Gong.Tests.Support;
using GongCrmBridge.Testing;

namespace GongCrmBridge.Gong.Tests;

/// <summary>The Polly pipeline (retry → rate limiter → timeout) with a fake clock: waits cost no real time.</summary>
public sealed class GongCrmClientResilienceTests : IDisposable
{
    private readonly HttpTest _http = new();
    private readonly TestClock _time = Clients.NewClock();
    private readonly string _dir = Directory.CreateTempSubdirectory("gong-resilience-").FullName;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Call_429WithRetryAfterSeconds_WaitsExactlyThatLong()
    {
        using var client = Clients.Create(_time);
        _http.RespondWith("""{"requestId":"r","errors":["rate"]}""", 429, new { Retry_After = "7" })
            .RespondWith("""{"requestId":"r2","integrations":[]}""");

        var call = client.ListIntegrationsAsync();
        var wait = await _time.WhenWaitingAsync();

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Single(_http.CallLog);
        _time.Advance(wait);
        await call.WaitAsync(TestClock.HangLimit);
        Assert.Equal(2, _http.CallLog.Count);
        Assert.Equal(2, client.CallsMade);
    }

    [Fact]
    public async Task Call_429WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        using var client = Clients.Create(_time);
        var stamps = client.StampAttempts(_time);
        var until = _time.GetUtcNow().AddSeconds(12).ToString("r", CultureInfo.InvariantCulture);
        _http.RespondWith("{}", 429, new { Retry_After = until }).RespondWith("""{"integrations":[]}""");

        await _time.RunAsync(client.ListIntegrationsAsync());

        var times = stamps.ToArray();
        Assert.Equal(2, times.Length);
        Assert.Equal(TimeSpan.FromSeconds(12), times[1] - times[0]);
    }

    [Fact]
    public async Task Call_429AskingLongerThanMaxRetryDelay_ThrowsRateLimitedWithRetryAfter()
    {
        using var client = Clients.Create(_time, o => o.MaxRetryDelay = TimeSpan.FromMinutes(2));
        _http.RespondWith("""{"requestId":"r429","errors":["daily limit"]}""", 429, new { Retry_After = "3600" });

        var exception = await Assert.ThrowsAsync<GongRateLimitedException>(() => _time.RunAsync(client.ListIntegrationsAsync()));

        Assert.Equal(TimeSpan.FromHours(1), exception.RetryAfter);
        Assert.Equal(429, exception.StatusCode);
        Assert.Equal("r429", exception.RequestId);
        Assert.Single(_http.CallLog);
    }

    [Fact]
    public async Task Call_429UntilRetriesRunOut_ThrowsRateLimited()
    {
        using var client = Clients.Create(_time, o => o.MaxRetries = 2);
        for (var i = 0; i < 3; i++)
        {
            _http.RespondWith("{}", 429, new { Retry_After = "1" });
        }

        var exception = await Assert.ThrowsAsync<GongRateLimitedException>(() => _time.RunAsync(client.ListIntegrationsAsync()));

        Assert.Equal(TimeSpan.FromSeconds(1), exception.RetryAfter);
        Assert.Equal(3, client.CallsMade);
    }

    [Fact]
    public async Task Call_5xxTwiceThenOk_RetriedWithExponentialBackoffAndJitter()
    {
        using var client = Clients.Create(_time, o => o.RetryBaseDelay = TimeSpan.FromSeconds(2));
        var stamps = client.StampAttempts(_time);
        _http.RespondWith("{}", 503).RespondWith("{}", 500).RespondWith("""{"integrations":[]}""");

        await _time.RunAsync(client.ListIntegrationsAsync());

        var times = stamps.ToArray();
        Assert.Equal(3, times.Length);
        var first = times[1] - times[0];
        var second = times[2] - times[1];
        Assert.InRange(first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));  // 2 s × [0.5, 1]
        Assert.InRange(second, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)); // 4 s × [0.5, 1]
        Assert.Equal(3, client.CallsMade);
    }

    [Fact]
    public async Task Call_408_Retried()
    {
        using var client = Clients.Create(_time);
        _http.RespondWith("{}", 408).RespondWith("""{"integrations":[]}""");

        await _time.RunAsync(client.ListIntegrationsAsync());

        Assert.Equal(2, _http.CallLog.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Call_Other4xx_NotRetried(int status)
    {
        using var client = Clients.Create(_time);
        _http.RespondWith("""{"requestId":"rx","errors":["no"]}""", status).RespondWith("""{"integrations":[]}""");

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _time.RunAsync(client.ListIntegrationsAsync()));

        Assert.Equal(status, exception.StatusCode);
        Assert.Single(_http.CallLog);
        Assert.Equal(1, client.CallsMade);
    }

    [Fact]
    public async Task Call_NetworkErrorThenOk_Retried()
    {
        using var client = Clients.Create(_time);
        _http.SimulateException(new HttpRequestException("connection reset")).RespondWith("""{"integrations":[]}""");

        await _time.RunAsync(client.ListIntegrationsAsync());

        Assert.Equal(2, client.CallsMade);
    }

    [Fact]
    public async Task Call_TimeoutsUntilRetriesRunOut_GongApiExceptionWithoutStatus()
    {
        using var client = Clients.Create(_time, o => o.MaxRetries = 3);
        for (var i = 0; i < 4; i++)
        {
            _http.SimulateTimeout();
        }

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _time.RunAsync(client.ListIntegrationsAsync()));

        Assert.Null(exception.StatusCode);
        Assert.Contains("4 attempt", exception.Message, StringComparison.Ordinal);
        Assert.Equal(4, client.CallsMade);
    }

    [Fact]
    public async Task Call_5xxWithRetriesDisabled_FailsAfterOneCall()
    {
        using var client = Clients.Create(_time, o => o.MaxRetries = 0);
        _http.RespondWith("{}", 502);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _time.RunAsync(client.ListIntegrationsAsync()));

        Assert.Equal(502, exception.StatusCode);
        Assert.Equal(1, client.CallsMade);
    }

    [Fact]
    public async Task UploadEntities_FirstAttemptTimedOutAfterGongAcceptedIt_409OnRetryMeansAlreadyAccepted()
    {
        using var client = Clients.Create(_time);
        var path = Path.Combine(_dir, "a.ldjson");
        await File.WriteAllTextAsync(path, "{}\n");
        _http.SimulateTimeout()
            .RespondWith("""{"requestId":"r409","errors":["clientRequestId already used"]}""", 409);

        var receipt = await _time.RunAsync(client.UploadEntitiesAsync(7, CrmObjectType.Account, "acct-1", path));

        Assert.Equal(new UploadReceipt("acct-1", null, AlreadyAccepted: true), receipt);
        Assert.Equal(2, client.CallsMade);
        _http.ShouldHaveCalled("*/v2/crm/entities").WithQueryParam("clientRequestId", "acct-1").Times(2);
    }

    [Fact]
    public async Task UploadEntities_500Then409_AlreadyAccepted()
    {
        using var client = Clients.Create(_time);
        var path = Path.Combine(_dir, "a.ldjson");
        await File.WriteAllTextAsync(path, "{}\n");
        _http.RespondWith("{}", 500).RespondWith("{}", 409);

        var receipt = await _time.RunAsync(client.UploadEntitiesAsync(7, CrmObjectType.Account, "acct-2", path));

        Assert.True(receipt.AlreadyAccepted);
    }

    [Fact]
    public async Task UploadEntities_429Then409_IsAnErrorBecauseA429WasNeverApplied()
    {
        using var client = Clients.Create(_time);
        var path = Path.Combine(_dir, "a.ldjson");
        await File.WriteAllTextAsync(path, "{}\n");
        _http.RespondWith("{}", 429, new { Retry_After = "1" }).RespondWith("""{"errors":["clientRequestId already used"]}""", 409);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _time.RunAsync(client.UploadEntitiesAsync(7, CrmObjectType.Account, "acct-3", path)));

        Assert.Equal(409, exception.StatusCode);
    }

    [Fact]
    public async Task DeleteIntegration_TimeoutThen409_AlreadyAccepted()
    {
        using var client = Clients.Create(_time);
        _http.SimulateTimeout().RespondWith("{}", 409);

        var receipt = await _time.RunAsync(client.DeleteIntegrationAsync(7, "del-1"));

        Assert.True(receipt.AlreadyAccepted);
    }

    [Fact]
    public async Task RegisterIntegration_TimeoutThen409ForOurOwnIntegration_ReturnsIt()
    {
        using var client = Clients.Create(_time);
        _http.SimulateTimeout()
            .RespondWith("""{"errors":["an active integration already exists"]}""", 409)
            .RespondWith("""{"integrations":[{"integrationId":99,"name":"Bridge","ownerEmail":"Owner@contoso.example"}]}""");

        var integration = await _time.RunAsync(client.RegisterIntegrationAsync("Bridge", "owner@contoso.example"));

        Assert.Equal(99, integration.IntegrationId);
    }

    [Fact]
    public async Task RateLimiter_TenConcurrentCalls_NeverMoreThanThreeInAnySecond()
    {
        using var client = Clients.Create(_time);
        var stamps = client.StampAttempts(_time);
        for (var i = 0; i < 10; i++)
        {
            _http.RespondWith("""{"integrations":[]}""");
        }

        var calls = Enumerable.Range(0, 10).Select(_ => client.ListIntegrationsAsync()).ToArray();
        await _time.RunAllAsync(calls);

        var times = stamps.OrderBy(t => t).ToArray();
        Assert.Equal(10, times.Length);
        for (var i = 3; i < times.Length; i++)
        {
            Assert.True(times[i] - times[i - 3] >= TimeSpan.FromSeconds(1), $"calls {i - 3} and {i} were {times[i] - times[i - 3]} apart");
        }

        // ...and not slower than needed: 10 calls at 3/s start within 3 windows of 1 s plus the 50 ms jitter guard.
        Assert.Equal(TimeSpan.FromSeconds(3.15), times[^1] - times[0]);
    }

    [Fact]
    public async Task RateLimiter_RetriesAlsoTakePermits()
    {
        using var client = Clients.Create(_time, o =>
        {
            o.RequestsPerSecond = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        var stamps = client.StampAttempts(_time);
        _http.RespondWith("{}", 500).RespondWith("{}", 500).RespondWith("""{"integrations":[]}""");

        await _time.RunAsync(client.ListIntegrationsAsync());

        var times = stamps.ToArray();
        Assert.Equal(3, times.Length);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1));
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task RateLimiter_HalfPerSecond_OneCallEveryTwoSeconds()
    {
        using var client = Clients.Create(_time, o => o.RequestsPerSecond = 0.5);
        var stamps = client.StampAttempts(_time);
        for (var i = 0; i < 3; i++)
        {
            _http.RespondWith("""{"integrations":[]}""");
        }

        await _time.RunAllAsync([.. Enumerable.Range(0, 3).Select(_ => client.ListIntegrationsAsync())]);

        var times = stamps.OrderBy(t => t).ToArray();
        Assert.Equal(TimeSpan.FromSeconds(2.05), times[1] - times[0]);
        Assert.Equal(TimeSpan.FromSeconds(2.05), times[2] - times[1]);
    }

    [Fact]
    public async Task Call_CancelledWhileWaitingToRetry_ThrowsOperationCanceled()
    {
        using var client = Clients.Create(_time);
        using var cancellation = new CancellationTokenSource();
        _http.RespondWith("{}", 503).RespondWith("""{"integrations":[]}""");

        var call = client.ListIntegrationsAsync(cancellation.Token);
        await _time.WhenWaitingAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TestClock.HangLimit));
        Assert.Single(_http.CallLog);
    }
}
