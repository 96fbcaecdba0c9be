using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Reporting;
using GongCrmBridge.State;
using GongCrmBridge.Status;
using GongCrmBridge.Upload;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Pipeline;

/// <summary>One sync's hold on its state (SPEC.md, "State (nightly runs)"): the run lock for the run's lifetime, the
/// run's row in the history, the incremental check, the upload ledger, the calls per day, the uploads earlier runs
/// left unfinished, and mirror deletes.</summary>
internal sealed class StateSession : IDisposable
{
    private readonly StateStore _store;
    private readonly RunLock _lock;
    private readonly string _runId;
    private readonly CallCounterRelay? _relay;
    private readonly ILogger _logger;

    private StateSession(StateStore store, RunLock runLock, string runId, bool full, CallCounterRelay? relay, ILogger logger)
    {
        (_store, _lock, _runId, _relay, _logger) = (store, runLock, runId, relay, logger);
        Filter = new IncrementalFilter(store.Tracked.LoadIndex, full);
        Journal = new LedgerJournal(store, runId);
        EarlierUnfinished = store.Uploads.Unfinished().Count;
    }

    /// <summary>Gets the incremental check of the build.</summary>
    public IncrementalFilter Filter { get; }

    /// <summary>Gets the ledger the uploads are recorded in.</summary>
    public LedgerJournal Journal { get; }

    /// <summary>Gets how many uploads earlier runs left unfinished when this one started.</summary>
    public int EarlierUnfinished { get; }

    /// <summary>Opens the state, takes the run lock (a <see cref="StateLockedException"/> names the holder) and
    /// records the run's start, before anything is sent.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "The session owns the store and the lock; both are disposed here when it cannot be made.")]
    public static StateSession Open(JobDefinition job, RunOptions run, SyncOptions sync, ILogger logger)
    {
        var store = StateStore.Open(sync.StateDirectory!, run.TimeProvider);
        RunLock? runLock = null;
        try
        {
            runLock = store.AcquireRunLock(run.RunId);
            if (runLock.TakenOverFrom is { } gone)
            {
                PipelineLog.LockTakenOver(logger, gone.ToString());
            }

#pragma warning disable CA1308 // the mode's wire name is lower case by SPEC
            store.Runs.Start(new RunStart(run.RunId, job.Path, job.Options.Mode.ToString().ToLowerInvariant(), sync.Full));
#pragma warning restore CA1308
            sync.Calls?.Connect(store.Calls.Count);
            var session = new StateSession(store, runLock, run.RunId, sync.Full, sync.Calls, logger);
            PipelineLog.StateOpened(logger, store.Directory, session.EarlierUnfinished, store.Calls.UsedToday());
            return session;
        }
        catch
        {
            runLock?.Dispose();
            store.Dispose();
            throw;
        }
    }

    /// <summary>Compares the run's plan with the day's budget left.</summary>
    public BudgetCheck CheckBudget(long plannedCalls, long dailyBudget) => CallBudget.Check(plannedCalls, dailyBudget, _store.Calls.UsedToday());

    /// <summary>Finishes the uploads earlier runs left and this run's files did not take over (SPEC.md, "Resume"):
    /// one Gong has is polled to its end and what Gong accepted is tracked; one Gong never got is abandoned, its records
    /// being in this run's files unless they are unchanged or gone.</summary>
    public async Task ResolveLeftoversAsync(RequestStatusPoller poller, long integrationId, CancellationToken cancellationToken)
    {
        foreach (var upload in _store.Uploads.Unfinished().Where(u => u.RunId != _runId))
        {
            if (upload.State == UploadState.Planned)
            {
                PipelineLog.UploadAbandoned(_logger, upload.ClientRequestId);
                _store.Uploads.MarkAbandoned(upload.ClientRequestId);
                continue;
            }

            PipelineLog.UploadResumed(_logger, upload.ClientRequestId, upload.State.ToString());
            var status = await poller.WaitAsync(integrationId, upload.ClientRequestId, cancellationToken).ConfigureAwait(false);
            var errors = GongErrorReport.From(status, upload.RecordCount);
            var allNamed = errors.WholeFile is null && (status.TotalErrorCount ?? 0) <= errors.Lines.Count;
            if (upload.ParentRequestId is null && allNamed && upload.FilePath is { } path && File.Exists(path))
            {
                _store.Tracked.Upsert(upload.ObjectType, upload.ClientRequestId, AcceptedRecords.Read(path, errors.Lines.Keys.ToHashSet()));
            }

            _store.Uploads.MarkFinished(upload.ClientRequestId, status.Status!.Value, status.TotalSuccessCount, status.TotalErrorCount);
        }
    }

    /// <summary>Decides the mirror deletes of every export (SPEC.md, "Mirror") and writes the files of those sent.</summary>
    public async Task<IReadOnlyList<BatchFile>> PlanDeletesAsync(
        JobDefinition job, BuildResult built, RunOptions run, SyncOptions sync, RunSummary summary, CancellationToken cancellationToken)
    {
        var files = new List<BatchFile>();
        foreach (var export in built.Exports)
        {
            var type = export.Export.Type;
            var index = Filter.IndexOf(type);
            var decision = DeleteDecision.For(type, index.Count, index.Count - index.SeenCount, export.Read, job.Options.MaxDeletePercent, sync.AllowDeletes);
            if (decision.Gone == 0)
            {
                continue;
            }

            var wire = type.ToWireName();
            if (decision.WithheldBecause is { } reason)
            {
                PipelineLog.DeletesWithheld(_logger, wire, decision.Gone, reason);
                summary.DeletesWithheld[wire] = decision.Gone;
                summary.Warnings.Add(new RunWarning
                {
                    Code = "deletes-withheld",
                    ObjectType = wire,
                    Count = decision.Gone,
                    Message = $"{decision.Gone} {wire} delete(s) withheld: {reason}.",
                });
                continue;
            }

            PipelineLog.DeletesPlanned(_logger, wire, decision.Gone);
#pragma warning disable CA1308 // a folder name, lower case by convention
            var folder = Path.Combine(run.BatchDirectory, "deletes", wire.ToLowerInvariant());
#pragma warning restore CA1308
            var maxBytes = (job.Options.MaxFileMegabytes * 1024L * 1024L) - BatchingOptions.MultipartOverheadBytes;
            foreach (var file in await MirrorDeletes.WriteAsync(type, _store.Tracked.NotSeen(type, index), summary.StartedAt, folder, maxBytes, cancellationToken)
                .ConfigureAwait(false))
            {
                Journal.AddDeleteFile(file);
                files.Add(file);
            }
        }

        return files;
    }

    /// <summary>Records the run's end: uploads still waiting for Gong become pending (the next run polls them), the
    /// index snapshots are refreshed, the day's calls flushed and the run's exit code and counts written.</summary>
    public void Finish(RunSummary summary, long apiCalls)
    {
        _relay?.Connect(null);
        foreach (var upload in _store.Uploads.OfRun(_runId).Where(u => u.State == UploadState.Sent))
        {
            _store.Uploads.MarkPending(upload.ClientRequestId);
        }

        _store.Tracked.RefreshIndexes();
        _store.Calls.Flush();
        summary.ApiCallsToday = _store.Calls.UsedToday();
        _store.Runs.Finish(_runId, summary.ExitCode, apiCalls, [.. summary.ObjectTypes.Select(t => new RunTypeCounts
        {
            ObjectType = t.Key,
            Read = t.Value.Read,
            Accepted = t.Value.Accepted ?? 0,
            Rejected = t.Value.Rejected,
            Unchanged = t.Value.Unchanged,
            Deleted = t.Value.Deleted,
            Pending = t.Value.Pending,
            NotSent = t.Value.NotSent,
        })]);
    }

    public void Dispose()
    {
        _relay?.Connect(null);
        _lock.Dispose();
        _store.Dispose();
    }
}
