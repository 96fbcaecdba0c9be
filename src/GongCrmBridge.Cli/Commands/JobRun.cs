using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Cli.Rendering;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Reporting;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Cli.Commands;

/// <summary>What every job-running command sets up: the loaded job, a run id, the report folder and the run's logger
/// (console plus <c>run.log</c> in the report folder), and how it ends: the final table and the exit code.</summary>
internal sealed class JobRun : IDisposable
{
    private readonly CliEnvironment _environment;
    private readonly ILoggerFactory _loggers;

    private JobRun(CliEnvironment environment, JobDefinition job, string runId, string reportDirectory, ILoggerFactory loggers)
    {
        _environment = environment;
        Job = job;
        Options = new RunOptions { RunId = runId, ReportDirectory = reportDirectory };
        _loggers = loggers;
        Logger = loggers.CreateLogger("GongCrmBridge");
    }

    public JobDefinition Job { get; }

    public RunOptions Options { get; }

    public ILoggerFactory Loggers => _loggers;

    public ILogger Logger { get; }

    /// <summary>Loads the job; returns null when it has configuration problems (they are printed).</summary>
    public static JobRun? TryStart(CliEnvironment environment, JobSettings settings)
    {
        var job = JobLoading.TryLoad(environment.Console, settings.Job!);
        if (job is null)
        {
            return null;
        }

        var runId = RunOptions.NewRunId(TimeProvider.System);
        var reportDirectory = JobLoading.ReportDirectory(settings, runId);
        ReportFolder.EnsureWritable(reportDirectory);
        var loggers = Logging.Create(
            environment, settings.LogFormat, settings.Verbose, quietConsole: environment.IsInteractive, logFile: Path.Combine(reportDirectory, "run.log"));
        return new JobRun(environment, job, runId, reportDirectory, loggers);
    }

    /// <summary>Prints the final table and returns the run's exit code.</summary>
    public int Finish(RunSummary summary)
    {
        SummaryRenderer.Render(_environment.Console, summary, Options.ReportDirectory);
        CliLog.RunFinished(Logger, Options.RunId, summary.Mode, summary.ExitCode);
        return summary.ExitCode;
    }

    public void Dispose() => _loggers.Dispose();
}
