using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Cli.Rendering;
using GongCrmBridge.Pipeline;
using Microsoft.Extensions.Logging;
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
        var job = JobLoading.TryLoad(environment.Console, settings.Job!);
        if (job is null)
        {
            return ExitCodes.Configuration;
        }

        var runId = RunOptions.NewRunId(TimeProvider.System);
        var reportDirectory = JobLoading.ReportDirectory(settings, runId);
        using var loggerFactory = Logging.Create(
            environment, settings.LogFormat, settings.Verbose, quietConsole: environment.IsInteractive,
            logFile: Path.Combine(reportDirectory, "run.log"));
        var logger = loggerFactory.CreateLogger("GongCrmBridge");
        logger.LogInformation("Dry run {RunId} of {Job}: nothing will be sent to Gong", runId, job.Path);

        var options = new RunOptions { RunId = runId, ReportDirectory = reportDirectory };
        var summary = await PipelineProgressDisplay.RunAsync(
            environment.Console,
            environment.IsInteractive,
            logger,
            progress => new DryRunner(logger).RunAsync(job, options, progress, cancellationToken));

        SummaryRenderer.Render(environment.Console, summary, reportDirectory);
        logger.LogInformation("Dry run {RunId} finished with exit code {ExitCode}", runId, summary.ExitCode);
        return summary.ExitCode;
    }
}
