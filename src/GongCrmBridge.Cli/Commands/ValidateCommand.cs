using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Cli.Rendering;
using GongCrmBridge.Pipeline;
using GongCrmBridge.State;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary><c>gongbridge validate --job J</c>: read, map, validate and batch; report; no network call.</summary>
internal sealed class ValidateCommand(CliEnvironment environment) : AsyncCommand<JobSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, JobSettings settings, CancellationToken cancellationToken) =>
        DryRun.ExecuteAsync(environment, settings, cancellationToken);
}

/// <summary>The dry run shared by <c>validate</c> and <c>sync --dry-run</c>.</summary>
internal static class DryRun
{
    public static async Task<int> ExecuteAsync(CliEnvironment environment, JobSettings settings, CancellationToken cancellationToken)
    {
        using var run = JobRun.TryStart(environment, settings);
        if (run is null)
        {
            return ExitCodes.Configuration;
        }

        CliLog.DryRunStarting(run.Logger, run.Options.RunId, run.Job.Path);
        var summary = await PipelineProgressDisplay.RunAsync(
            environment.Console,
            environment.IsInteractive,
            run.Logger,
            progress => new DryRunner(run.Logger, Path.GetFullPath(settings.State ?? StateStore.DefaultDirectory(run.Job.Path)))
                .RunAsync(run.Job, run.Options, progress, cancellationToken));
        return run.Finish(summary);
    }
}
