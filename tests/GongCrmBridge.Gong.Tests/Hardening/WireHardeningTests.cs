using System.Net;
using System.Net.Sockets;
using GongCrmBridge.Gong.Tests.Support;
using GongCrmBridge.Sandbox;

namespace GongCrmBridge.Gong.Tests.Hardening;

/// <summary>Issue 10, items 17, 23 and 25, over real loopback HTTP: a Gong that cannot be reached is named with its
/// cause, and an attempt that the connection loses is never re-sent behind the pipeline's back.</summary>
public sealed class WireHardeningTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gong-wire-").FullName;
    private GongSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        var generated = SandboxOptions.WithGeneratedCredentials();
        _sandbox = await GongSandbox.StartAsync(new SandboxOptions
        {
            AccessKey = generated.AccessKey,
            AccessKeySecret = generated.AccessKeySecret,
            RequestsPerSecond = 1000,
        });
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task KeptAliveConnectionClosedWithoutAnAnswer_EveryRequestOnTheWireIsAnAttemptTheClientCounted()
    {
        // Given a server that closes the connection of the 2nd request without answering
        await using var server = new ClosingServer(2);
        using var client = Client(server.BaseUrl, retries: 2);
        await client.ListIntegrationsAsync(); // were connections pooled, this one would be kept alive for the next

        // When the next call is made
        await client.ListIntegrationsAsync();

        // Then the server saw exactly the attempts the client counted (and rate-limited), each on its own connection:
        // .NET re-sends a request whose connection closed by itself, a call on the wire no limiter or counter knew of
        Assert.Equal((3, 3L), (server.Requests, client.CallsMade));
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task NothingListens_MessageNamesTheHostAndConnectionRefused()
    {
        var port = FreePort();
        using var client = Client(new Uri($"http://127.0.0.1:{port}"), retries: 1);

        var failure = await Assert.ThrowsAsync<GongApiException>(() => client.ListIntegrationsAsync());

        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("connection was refused", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostNameDoesNotResolve_MessageSaysDns()
    {
        using var client = Client(new Uri("https://gong-bridge-test.invalid"), retries: 0);

        var failure = await Assert.ThrowsAsync<GongApiException>(() => client.ListIntegrationsAsync());

        Assert.Contains("gong-bridge-test.invalid", failure.Message, StringComparison.Ordinal);
        Assert.Contains("(DNS)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotATlsServer_MessageSaysTheTlsHandshakeFailed()
    {
        var https = new UriBuilder(_sandbox.BaseUrl) { Scheme = Uri.UriSchemeHttps }.Uri; // the emulator speaks plain HTTP
        using var client = Client(https, retries: 0);

        var failure = await Assert.ThrowsAsync<GongApiException>(() => client.ListIntegrationsAsync());

        Assert.Contains($"127.0.0.1:{https.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("TLS handshake failed", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, true)] // over the fixed 1 s, well within 1 s + 20 kB at 5 kB/s (a loaded machine may be slow)
    [InlineData(8, false)]
    public async Task UploadAttemptTimeout_GrowsWithTheFileSize(double secondsGongTakes, bool succeeds)
    {
        using var client = Client(_sandbox.BaseUrl, retries: 0, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.MinUploadBytesPerSecond = 5_000;
        });
        var integration = await client.RegisterIntegrationAsync("Bridge", "owner@contoso.example");
        var path = Path.Combine(_dir, "accounts.ldjson");
        var record = """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Fabrikam"}""" + "\n";
        await File.WriteAllTextAsync(path, record + new string(' ', 20_000 - record.Length)); // 20,000 bytes: 4 s at 5 kB/s
        _sandbox.Faults.Delay(SandboxRoute.UploadEntities, TimeSpan.FromSeconds(secondsGongTakes));

        var upload = client.UploadEntitiesAsync(integration.IntegrationId, Models.CrmObjectType.Account, "acct-1", path);

        if (succeeds)
        {
            Assert.False(string.IsNullOrEmpty((await upload).RequestId));
        }
        else
        {
            var failure = await Assert.ThrowsAsync<GongApiException>(() => upload);
            Assert.True(failure.Message.Contains("no answer within 5 s (timeout)", StringComparison.Ordinal), failure.Message);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private GongCrmClient Client(Uri baseUrl, int retries, Action<GongClientOptions>? configure = null)
    {
        var options = new GongClientOptions
        {
            BaseUrl = baseUrl,
            Credentials = GongCredentials.Basic(_sandbox.Options.AccessKey, _sandbox.Options.AccessKeySecret),
            RequestsPerSecond = 1000,
            MaxRetries = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new GongCrmClient(options);
    }
}
