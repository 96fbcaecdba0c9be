using GongCrmBridge.Batching;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Integration;
using GongCrmBridge.Jobs;
using GongCrmBridge.Outcomes;
using GongCrmBridge.Planning;
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

        using var state = sync.StateDirectory is null ? null : StateSession.Open(job, run, sync, _logger);
        var build = new BuildStage(job, run, _logger, progress, state?.Filter);
        var deletes = new List<BatchFile>();
        var summary = await ReportedRun.ExecuteAsync(
            job,
            run,
            "sync",
            _logger,
            async (summary, rejections) =>
            {
                var built = await build.RunAsync(rejections, cancellationToken).ConfigureAwait(false);
                var send = new SendContext(job, run, sync, built, summary, rejections, ledger, state, deletes);
                await SendAsync(send, cancellationToken).ConfigureAwait(false);
            },
            summary =>
            {
                Tally(summary, build, ledger);
                TallyDeletes(summary, deletes, ledger);
                summary.ApiCalls = _client.CallsMade;
                state?.Finish(summary, _client.CallsMade);
                var budget = state is null ? sync.DailyCallBudget : job.Options.DailyCallBudget;
                summary.DailyBudgetLeft = Math.Max(0, budget - (summary.ApiCallsToday ?? _client.CallsMade));
            },
            cancellationToken).ConfigureAwait(false);

        if (!sync.KeepBatches && summary.ExitCode is (ExitCodes.Success or ExitCodes.Rejected) && build.Result is { } built)
        {
            BatchFolder.DeleteWritten(run.BatchDirectory, built.Exports.SelectMany(e => e.Files));
        }

        return summary;
    }

    private async Task SendAsync(SendContext send, CancellationToken cancellationToken)
    {
        var (job, sync, summary, state) = (send.Job, send.Sync, send.Summary, send.State);
        var files = send.Built.Exports.SelectMany(e => e.Files).ToList();
        summary.Plan = state is null ? send.Built.Plan : send.Built.Plan.WithLeftovers(state.EarlierUnfinished);
        PipelineLog.Planned(_logger, summary.Plan.ToString());
        if (state is not null)
        {
            CheckBudget(send, state, summary.Plan, _logger);
        }

        if (sync.CheckUsers)
        {
            await GongUserWarning.AddAsync(_client, send.Built, send.Run.BatchDirectory, summary, _logger, cancellationToken).ConfigureAwait(false);
        }

        var integration = await new IntegrationResolver(_client, _logger).ResolveAsync(job.Integration, cancellationToken).ConfigureAwait(false);
        summary.IntegrationId = integration.IntegrationId;

        var changes = await new SchemaSynchronizer(_client, send.Run.TimeProvider, _logger)
            .SynchronizeAsync(integration.IntegrationId, job.CustomFieldsByType(), sync.AllowFieldRemoval, cancellationToken).ConfigureAwait(false);
        summary.SchemaChanges = [.. changes.Select(c => c.ToString())];

        var poller = new RequestStatusPoller(_client, sync.Upload.Polling, send.Run.TimeProvider, _logger);
        var coordinator = CreateCoordinator(send, poller);
        await coordinator.UploadAsync(integration.IntegrationId, files, deletes: false, cancellationToken).ConfigureAwait(false);
        if (state is not null)
        {
            await FinishStateAsync(send, state, poller, coordinator, integration.IntegrationId, cancellationToken).ConfigureAwait(false);
        }
    }

    private UploadCoordinator CreateCoordinator(SendContext send, RequestStatusPoller poller)
    {
        var journal = (IUploadJournal?)send.State?.Journal ?? new RunScopedJournal(send.Run.RunId);
        var uploader = new BatchUploader(_client, poller, send.Sync.Upload, Reject, journal, _logger);
        uploader.Sent += send.Ledger.MarkSent;
        return new UploadCoordinator(uploader, send.Sync.Upload, send.Ledger, _logger);

        // Called from several uploads at once; the writer serializes them. Flushed at once: a crash keeps what Gong said.
        void Reject(IReadOnlyList<Rejection> rejected)
        {
            send.Rejections.Write(rejected);
            send.Rejections.Flush();
        }
    }

    /// <summary>After this run's uploads: the uploads earlier runs left, then mirror deletes (after every type's upserts).</summary>
    private static async Task FinishStateAsync(
        SendContext send, StateSession state, RequestStatusPoller poller, UploadCoordinator coordinator, long integrationId, CancellationToken cancellationToken)
    {
        await state.ResolveLeftoversAsync(poller, integrationId, cancellationToken).ConfigureAwait(false);
        if (send.Job.Options.Mode == SyncMode.Mirror)
        {
            send.Deletes.AddRange(await state.PlanDeletesAsync(send.Job, send.Built, send.Run, send.Sync, send.Summary, cancellationToken).ConfigureAwait(false));
            await coordinator.UploadAsync(integrationId, send.Deletes, deletes: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SPEC.md, "Daily budget": the plan against the day's calls left, before the first call.</summary>
    private static void CheckBudget(SendContext send, StateSession state, CallPlan plan, ILogger logger)
    {
        var check = state.CheckBudget(plan.Calls, send.Job.Options.DailyCallBudget);
        if (check.Fits)
        {
            PipelineLog.BudgetFits(logger, check.Describe());
            return;
        }

        if (send.Sync.IgnoreBudget)
        {
            PipelineLog.BudgetIgnored(logger, check.PlannedCalls, check.Left);
            return;
        }

        // Describe() says what was not sent and the three ways on.
        send.Summary.Warnings.Add(new RunWarning { Code = "budget", ObjectType = null, Count = check.Shortfall, Message = check.Describe() });
        throw new SyncFailedException(check.Describe());
    }

    /// <summary>Deletes are counted apart from what was read; a delete Gong refused is in rejections.csv and, like a
    /// withheld one, makes the run exit 3.</summary>
    private static void TallyDeletes(RunSummary summary, IReadOnlyList<BatchFile> deletes, UploadLedger ledger)
    {
        var refused = false;
        foreach (var file in deletes)
        {
            if (ledger.OutcomeOf(file) is { } outcome)
            {
                summary.For(file.ObjectType.ToWireName()).Deleted += outcome.Accepted;
                refused |= outcome.Rejected + outcome.Unidentified > 0;
            }
        }

        if ((refused || summary.DeletesWithheld.Count > 0) && summary.ExitCode == ExitCodes.Success)
        {
            summary.ExitCode = ExitCodes.Rejected;
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
                (counts.Unchanged, counts.Skipped) = (partial.Unchanged, partial.Skipped);
            }

            return;
        }

        var failedOutright = false;
        foreach (var export in built.Exports)
        {
            var counts = summary.For(export.Export.Type.ToWireName());
            counts.Read += export.Read;
            counts.Rejected += export.Rejected;
            counts.Unchanged += export.Unchanged;
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

        summary.Plan ??= built.Plan;
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
