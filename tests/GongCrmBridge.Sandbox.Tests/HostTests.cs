using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task StartAsync_WithPortZero_ListensOnLoopbackFreePort()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        Assert.Equal("127.0.0.1", test.Sandbox.BaseUrl.Host);
        Assert.Equal("http", test.Sandbox.BaseUrl.Scheme);
        Assert.NotEqual(0, test.Sandbox.BaseUrl.Port);
    }

    [Fact]
    public async Task StartAsync_WithExplicitPort_UsesIt()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await using var sandbox = await GongSandbox.StartAsync(TestSandbox.Options(), port);

        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), sandbox.BaseUrl);
    }

    [Fact]
    public async Task StopAsync_StopsAnswering()
    {
        var sandbox = await GongSandbox.StartAsync(TestSandbox.Options());
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };

        await sandbox.StopAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/v2/crm/integrations"));
        await sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Logs_NeverContainTheCredentials()
    {
        using var provider = new CollectingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var plain = TestSandbox.Options();
        var options = new SandboxOptions
        {
            AccessKey = plain.AccessKey,
            AccessKeySecret = plain.AccessKeySecret,
            BearerToken = "bearer-secret-token",
            RequestsPerSecond = 1000,
            PollsUntilDone = 0,
            LoggerFactory = factory,
        };
        await using (var test = await TestSandbox.StartAsync(options))
        {
            test.Sandbox.Faults.DropConnectionNext(SandboxRoute.ListIntegrations, 1, afterProcessing: true);
            await Assert.ThrowsAsync<HttpRequestException>(() => test.Http.GetAsync("/v2/crm/integrations"));
            await test.UploadAndCompleteAsync("ACCOUNT", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""");
            test.Http.DefaultRequestHeaders.Authorization = TestSandbox.BasicHeader(options.AccessKey, "wrong-" + options.AccessKeySecret);
            using var denied = await test.Http.GetAsync("/v2/crm/integrations");
        }

        Assert.NotEmpty(provider.Messages);
        Assert.All(provider.Messages, m =>
        {
            Assert.DoesNotContain(options.AccessKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain(options.AccessKeySecret, m, StringComparison.Ordinal);
            Assert.DoesNotContain("bearer-secret-token", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Upload_TwoConcurrentWithSameClientRequestId_OnlyOneIsAccepted()
    {
        await using var test = await TestSandbox.StartAsync();
        var line = """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""";

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(_ => test.UploadAsync("ACCOUNT", "same", line)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, test.Sandbox.State.UploadCount);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task State_AfterProcessingDelayWithoutPolls_ShowsTheAppliedRecords()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(time: time, processingDelay: TimeSpan.FromMinutes(1)));
        await test.AcceptedUploadAsync("ACCOUNT", "a1", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""");

        var before = test.Sandbox.State.Objects("ACCOUNT").Count;
        time.Advance(TimeSpan.FromMinutes(1));
        using var response = await test.GetObjectsAsync("ACCOUNT", "ACC-1");
        var map = (await TestSandbox.BodyAsync(response)).GetProperty("crmObjectsMap");

        Assert.Equal(0, before);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, map.GetProperty("ACC-1").ValueKind);
        Assert.Equal(SandboxRequestStatus.Done, Assert.Single(test.Sandbox.State.Uploads).Status);
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(this);

        public void Dispose()
        {
        }

        private sealed class Collector(CollectingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
