using GongCrmBridge.Gong;
using GongCrmBridge.Sandbox;

namespace GongCrmBridge.Tests.Support;

/// <summary>The Gong emulator on loopback and a real client talking to it over HTTP, fast enough for unit tests
/// (no rate limit to speak of, a request done after its first status poll).</summary>
internal sealed class EmulatedGong : IAsyncDisposable
{
    private EmulatedGong(GongSandbox sandbox, GongCrmClient client)
    {
        Sandbox = sandbox;
        Client = client;
    }

    public GongSandbox Sandbox { get; }

    public GongCrmClient Client { get; }

    public static async Task<EmulatedGong> StartAsync()
    {
        var credentials = SandboxOptions.WithGeneratedCredentials();
        var sandbox = await GongSandbox.StartAsync(new SandboxOptions
        {
            AccessKey = credentials.AccessKey,
            AccessKeySecret = credentials.AccessKeySecret,
            RequestsPerSecond = 1000,
            PollsUntilDone = 1,
        });
        var client = new GongCrmClient(new GongClientOptions
        {
            BaseUrl = sandbox.BaseUrl,
            Credentials = GongCredentials.Basic(credentials.AccessKey, credentials.AccessKeySecret),
            RequestsPerSecond = 1000,
        });
        return new EmulatedGong(sandbox, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
