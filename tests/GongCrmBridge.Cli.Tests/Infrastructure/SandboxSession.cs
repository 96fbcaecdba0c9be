using GongCrmBridge.Sandbox;

namespace GongCrmBridge.Cli.Tests.Infrastructure;

/// <summary>A Gong emulator on loopback for one test, and the environment and arguments that point gongbridge at it.</summary>
internal sealed class SandboxSession : IAsyncDisposable
{
    private SandboxSession(GongSandbox sandbox, SandboxOptions options)
    {
        Sandbox = sandbox;
        Options = options;
        Environment = new Dictionary<string, string>
        {
            ["GONG_ACCESS_KEY"] = options.AccessKey,
            ["GONG_ACCESS_KEY_SECRET"] = options.AccessKeySecret,
        };
    }

    public GongSandbox Sandbox { get; }

    public SandboxOptions Options { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Fast polling and a generous rate so that tests take milliseconds, not Gong's seconds.</summary>
    public string[] FastSyncArguments =>
    [
        "--base-url", Sandbox.BaseUrl.ToString(),
        "--requests-per-second", "200",
        "--poll-first", "0.01",
        "--poll-max", "0.05",
        "--status-timeout", "1",
        "--keep-batches",
    ];

    public static async Task<SandboxSession> StartAsync(
        int pollsUntilDone = 1, bool allowUnderscoreInObjectId = false, int pageSize = 100, TimeProvider? clock = null)
    {
        var generated = SandboxOptions.WithGeneratedCredentials();
        var options = new SandboxOptions
        {
            AccessKey = generated.AccessKey,
            AccessKeySecret = generated.AccessKeySecret,
            RequestsPerSecond = 1000,
            PollsUntilDone = pollsUntilDone,
            AllowUnderscoreInObjectId = allowUnderscoreInObjectId,
            PageSize = pageSize,
            TimeProvider = clock ?? TimeProvider.System,
        };
        return new SandboxSession(await GongSandbox.StartAsync(options), options);
    }

    /// <summary>Runs an API command against this emulator, at a rate that keeps tests fast.</summary>
    public Task<CliResult> ApiAsync(params string[] args) =>
        CliRunner.RunAsync(Environment, [.. args, "--base-url", Sandbox.BaseUrl.ToString(), "--requests-per-second", "1000"]);

    public Task<CliResult> SyncAsync(string jobPath, string reportDirectory, params string[] extra) =>
        CliRunner.RunAsync(Environment, ["sync", "--job", jobPath, "--report", reportDirectory, .. FastSyncArguments, .. extra]);

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}
