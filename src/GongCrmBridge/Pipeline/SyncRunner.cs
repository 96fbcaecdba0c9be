using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Integration;
using GongCrmBridge.Jobs;
using GongCrmBridge.Outcomes;
using GongCrmBridge.Reporting;
using GongCrmBridge.Schema;
using GongCrmBridge.Status;
using GongCrmBridge.Upload;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Pipeline;

/// <summary>Runs a whole sync: build the batches, resolve the integration, push the schema, upload in dependency
/// order, follow every upload to its end and write the report.</summary>
/// <remarks>
/// Every record read ends in exactly one bucket of the report: rejected here (mapping, validation), rejected by
/// Gong, accepted by Gong, or — when the run stops early — not sent / pending. The exit code follows SPEC.md.
/// </remarks>
public sealed class SyncRunner
{
    private readonly IGongCrmClient _client;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="SyncRunner"/> class.</summary>
    public SyncRunner(IGongCrmClient client, ILogger? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Runs <paramref name="job"/> against Gong and returns the report it wrote.</summary>
    public async Task<RunSummary> RunAsync(
        JobDefinition job,
        RunOptions run,
        SyncOptions sync,
        IProgress<PipelineProgress>? progress = null,
        IProgress<UploadProgress>? uploadProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sync);
        sync.Upload.Validate();
        var ledger = new UploadLedger();
        if (uploadProgress is not null)
        {
            ledger.Finished += new UploadProgressTracker(uploadProgress).OnFinished;
        }

        var build = new BuildStage(job, run, _logger, progress);
        var summary = await ReportedRun.ExecuteAsync(
            job,
            run,
            "sync",
            _logger,
            async (summary, rejections) =>
            {
                var built = await build.RunAsync(rejections, cancellationToken).ConfigureAwait(false);
                await SendAsync(job, run, sync, built, summary, rejections, ledger, cancellationToken).ConfigureAwait(false);
            },
            summary =>
            {
                Tally(summary, build, ledger);
                summary.ApiCalls = _client.CallsMade;
                summary.DailyBudgetLeft = Math.Max(0, sync.DailyCallBudget - _client.CallsMade);
            },
            cancellationToken).ConfigureAwait(false);

        if (!sync.KeepBatches && summary.ExitCode is (ExitCodes.Success or ExitCodes.Rejected) && Directory.Exists(run.BatchDirectory))
        {
            Directory.Delete(run.BatchDirectory, recursive: true);
        }

        return summary;
    }

    private async Task SendAsync(
        JobDefinition job,
        RunOptions run,
        SyncOptions sync,
        BuildResult built,
        RunSummary summary,
        RejectionsCsvWriter rejections,
        UploadLedger ledger,
        CancellationToken cancellationToken)
    {
        if (sync.CheckUsers)
        {
            await GongUserWarning.AddAsync(_client, built, run.BatchDirectory, summary, _logger, cancellationToken).ConfigureAwait(false);
        }

        var integration = await new IntegrationResolver(_client, _logger).ResolveAsync(job.Integration, cancellationToken).ConfigureAwait(false);
        summary.IntegrationId = integration.IntegrationId;

        var changes = await new SchemaSynchronizer(_client, run.TimeProvider, _logger)
            .SynchronizeAsync(integration.IntegrationId, job.CustomFieldsByType(), sync.AllowFieldRemoval, cancellationToken).ConfigureAwait(false);
        summary.SchemaChanges = [.. changes.Select(c => c.ToString())];

        var poller = new RequestStatusPoller(_client, sync.Upload.Polling, run.TimeProvider, _logger);
        var uploader = new BatchUploader(_client, poller, sync.Upload, Reject, _logger);
        uploader.Sent += ledger.MarkSent;
        var files = built.Exports.SelectMany(e => e.Files).ToList();
        await new UploadCoordinator(uploader, sync.Upload, ledger, _logger)
            .UploadAsync(integration.IntegrationId, files, run.RunId, cancellationToken).ConfigureAwait(false);

        // Called from several uploads at once; the writer serializes them. Flushed at once: a crash keeps what Gong said.
        void Reject(IReadOnlyList<Rejection> rejected)
        {
            rejections.Write(rejected);
            rejections.Flush();
        }
    }

    private static void Tally(RunSummary summary, BuildStage build, UploadLedger ledger)
    {
        if (build.Result is not { } built)
        {
            // Stopped while reading: nothing was sent; what was read is valid-but-not-sent or rejected.
            foreach (var partial in build.CountsSoFar)
            {
                var counts = summary.For(partial.ObjectType.ToWireName());
                (counts.Read, counts.Rejected, counts.NotSent, counts.Accepted) = (partial.Read, partial.Rejected, partial.Valid, 0);
            }

            return;
        }

        var failedOutright = false;
        foreach (var export in built.Exports)
        {
            var counts = summary.For(export.Export.Type.ToWireName());
            counts.Read += export.Read;
            counts.Rejected += export.Rejected;
            counts.Skipped += export.Skipped;
            counts.Merged += export.Merged;
            counts.Files += export.Files.Count;
            counts.Accepted ??= 0;
            foreach (var file in export.Files)
            {
                if (ledger.OutcomeOf(file) is { } outcome)
                {
                    counts.Accepted += outcome.Accepted;
                    counts.Rejected += outcome.Rejected + outcome.Unidentified;
                    counts.RejectedUnnamed += outcome.Unidentified;
                    foreach (var upload in outcome.Uploads)
                    {
                        counts.Uploads.Add(upload);
                    }

                    failedOutright |= outcome.FailedOutright;
                }
                else if (ledger.WasSent(file))
                {
                    counts.Pending += file.RecordCount;
                }
                else
                {
                    counts.NotSent += file.RecordCount;
                }
            }
        }

        foreach (var warning in built.Warnings)
        {
            summary.Warnings.Add(warning);
        }

        if (summary.ExitCode != ExitCodes.Success)
        {
            return;
        }

        summary.ExitCode = failedOutright ? ExitCodes.Failed
            : summary.ObjectTypes.Values.Any(c => c.Rejected > 0) ? ExitCodes.Rejected
            : ExitCodes.Success;
        if (failedOutright)
        {
            summary.Error = "Gong FAILED at least one upload without accepting any of its records; they are listed in rejections.csv.";
        }
    }
}
