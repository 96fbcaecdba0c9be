using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Cli.Rendering;
using GongCrmBridge.Gong;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Sandbox;
using GongCrmBridge.State;
using GongCrmBridge.Status;
using GongCrmBridge.Upload;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary><c>gongbridge sync --job J</c>: the whole flow, against Gong, the built-in emulator, or nothing (dry run).</summary>
internal sealed class SyncCommand(CliEnvironment environment) : AsyncCommand<SyncSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SyncSettings settings, CancellationToken cancellationToken)
    {
        if (settings.DryRun)
        {
            return await DryRun.ExecuteAsync(environment, settings, cancellationToken);
        }

        using var run = JobRun.TryStart(environment, settings);
        if (run is null)
        {
            return ExitCodes.Configuration;
        }

        var (job, logger) = (run.Job, run.Logger);
        var sandboxOptions = settings.Sandbox ? InProcessSandboxOptions() : null;
        await using var sandbox = sandboxOptions is null ? null : await StartSandboxAsync(sandboxOptions, logger, cancellationToken);
        var baseUrl = sandbox?.BaseUrl ?? GongConnection.ResolveBaseUrl(settings, environment, job.BaseUrl);
        var credentials = sandboxOptions is null
            ? GongConnection.ResolveCredentials(environment)
            : GongCredentials.Basic(sandboxOptions.AccessKey, sandboxOptions.AccessKeySecret);
        var calls = new CallCounterRelay();
        var maxWait = TimeSpan.FromMinutes(settings.MaxWaitMinutes ?? 5);
        using var client = GongConnection.CreateClient(
            baseUrl,
            credentials,
            settings.RequestsPerSecond ?? job.Options.RequestsPerSecond,
            run.Loggers,
            options =>
            {
                options.AttemptMade = calls.Count;

                // A 429 asking for longer than --max-wait is not slept through: the run stops, its uploads pending.
                options.MaxRetryDelay = maxWait > options.RetryBaseDelay ? maxWait : options.RetryBaseDelay;
                if (settings.MinUploadKilobytesPerSecond is { } rate)
                {
                    options.MinUploadBytesPerSecond = Math.Max(1, (long)(rate * 1000));
                }
            });
        CliLog.SyncStarting(logger, run.Options.RunId, job.Path, baseUrl);

        var sync = SyncOptionsFrom(settings, job.Path, job.Options.DailyCallBudget, calls, maxWait);
        var summary = await PipelineProgressDisplay.RunAsync(
            environment.Console,
            environment.IsInteractive,
            logger,
            (progress, uploads) => new SyncRunner(client, logger).RunAsync(job, run.Options, sync, progress, uploads, cancellationToken));
        return run.Finish(summary);
    }

    private static SyncOptions SyncOptionsFrom(SyncSettings settings, string jobPath, long dailyCallBudget, CallCounterRelay calls, TimeSpan maxWait) => new()
    {
        AllowFieldRemoval = settings.AllowFieldRemoval,
        KeepBatches = settings.KeepBatches,
        CheckUsers = settings.CheckUsers,
        Upload = UploadOptionsFrom(settings, maxWait),
        StateDirectory = Path.GetFullPath(settings.State ?? (settings.Sandbox ? SandboxStateDirectory() : StateStore.DefaultDirectory(jobPath))),
        Full = settings.Full,
        AllowDeletes = settings.AllowDeletes,
        IgnoreBudget = settings.IgnoreBudget,
        Calls = calls,
        DailyCallBudget = dailyCallBudget,
    };

    /// <summary>The in-process emulator starts empty every time, so a state kept beside the job would claim it holds
    /// what an earlier emulator was sent: <c>--sandbox</c> without <c>--state</c> gets a state of its own, in the temp
    /// folder (one per run).</summary>
    private static string SandboxStateDirectory() =>
        Path.Combine(Path.GetTempPath(), "gongbridge-sandbox-state-" + Guid.NewGuid().ToString("N"));

    private static UploadOptions UploadOptionsFrom(SyncSettings settings, TimeSpan maxWait)
    {
        var polling = settings.Sandbox ? PollingOptions.ForSandbox : new PollingOptions();
        polling = polling with
        {
            FirstDelay = Seconds(settings.PollFirstSeconds) ?? polling.FirstDelay,
            MaxDelay = Seconds(settings.PollMaxSeconds) ?? polling.MaxDelay,
            Timeout = settings.StatusTimeoutMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : polling.Timeout,
            MaxWait = maxWait,
        };
        if (polling.MaxDelay < polling.FirstDelay)
        {
            polling = polling with { MaxDelay = polling.FirstDelay };
        }

        var defaults = new UploadOptions();
        return defaults with { Polling = polling, MaxErrorRounds = settings.MaxErrorRounds ?? defaults.MaxErrorRounds };

        static TimeSpan? Seconds(double? value) => value is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static SandboxOptions InProcessSandboxOptions()
    {
        var generated = SandboxOptions.WithGeneratedCredentials();

        // Gong's own examples use '_' in objectIds, and local validation accepts it; the emulator follows suit.
        return new SandboxOptions { AccessKey = generated.AccessKey, AccessKeySecret = generated.AccessKeySecret, AllowUnderscoreInObjectId = true };
    }

    private static async Task<GongSandbox> StartSandboxAsync(SandboxOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var sandbox = await GongSandbox.StartAsync(options, port: 0, cancellationToken);
        CliLog.SandboxStarted(logger, sandbox.BaseUrl);
        return sandbox;
    }
}
