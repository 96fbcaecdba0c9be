using GongCrmBridge.Gong;
using GongCrmBridge.Jobs;
using GongCrmBridge.Reporting;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Pipeline;

/// <summary>The frame of every run: the summary and rejections file, how a stop or a failure is recorded, and the
/// report written at the end whatever happened.</summary>
internal static class ReportedRun
{
    /// <summary>Runs <paramref name="body"/> inside the frame and writes <c>summary.json</c>.</summary>
    /// <param name="job">The job being run.</param>
    /// <param name="run">Where the report goes.</param>
    /// <param name="mode">The summary's mode (<c>sync</c> or <c>dry-run</c>).</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="body">The run's work; it fills the summary and writes rejections.</param>
    /// <param name="tally">Adds up the counts; called after <paramref name="body"/> however it ended.</param>
    /// <param name="cancellationToken">The user's stop.</param>
    public static async Task<RunSummary> ExecuteAsync(
        JobDefinition job,
        RunOptions run,
        string mode,
        ILogger logger,
        Func<RunSummary, RejectionsCsvWriter, Task> body,
        Action<RunSummary> tally,
        CancellationToken cancellationToken)
    {
        var summary = new RunSummary { RunId = run.RunId, Mode = mode, Job = job.Path, StartedAt = run.TimeProvider.GetUtcNow() };
        var rejections = new RejectionsCsvWriter(Path.Combine(run.ReportDirectory, RejectionsCsvWriter.FileName), Path.GetDirectoryName(job.Path));
        await using (rejections.ConfigureAwait(false))
        {
            try
            {
                await body(summary, rejections).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                summary.Error = "Stopped by the user; the counts say what was done before the stop.";
                summary.ExitCode = ExitCodes.Cancelled;
            }
            catch (Exception exception) when (exception is SyncFailedException or GongApiException or HttpRequestException or IOException)
            {
                PipelineLog.RunFailed(logger, exception.Message);
                summary.Error = exception.Message;
                summary.ExitCode = ExitCodes.Failed;
            }
#pragma warning disable CA1031 // not swallowed: whatever ends the run, the report of what Gong received is written, then exit 1
            catch (Exception exception)
#pragma warning restore CA1031
            {
                // An unexpected failure (a bug, a full disk, a file made unreadable mid-run) must not lose the record
                // of what Gong already received: the counts are tallied and summary.json written like any failure.
                PipelineLog.RunFailedUnexpectedly(logger, exception);
                summary.Error = $"Unexpected {exception.GetType().Name}: {exception.Message}";
                summary.ExitCode = ExitCodes.Failed;
            }

            tally(summary);
            foreach (var warning in summary.Warnings)
            {
                for (var i = 0; i < warning.Examples.Count; i++)
                {
                    warning.Examples[i] = warning.Examples[i] with { Source = rejections.RelativeSource(warning.Examples[i].Source) };
                }
            }
        }

        summary.FinishedAt = run.TimeProvider.GetUtcNow();
        await RunReportWriter.WriteAsync(summary, run.ReportDirectory, CancellationToken.None).ConfigureAwait(false);
        return summary;
    }
}
