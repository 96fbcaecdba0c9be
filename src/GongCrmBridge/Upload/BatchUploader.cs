using System.Globalization;
using GongCrmBridge.Batching;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Outcomes;
using GongCrmBridge.Reporting;
using GongCrmBridge.Status;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Upload;

/// <summary>Uploads one batch file, waits for Gong to process it and turns Gong's per-line errors into rejections.</summary>
/// <remarks>
/// Gong names at most 20 failing lines per upload. When it counts more errors than it names, the file is uploaded
/// again without the lines already named (uploads are upserts: the valid records are merely rewritten) until every
/// error is named, no new error appears, or <see cref="UploadOptions.MaxErrorRounds"/> is spent.
/// Gong's counts are trusted over ours: records of the last upload that Gong counted neither as a success nor as an
/// error (a DONE with a <c>totalSuccessCount</c> below the records sent) are unexplained, reported with the errors
/// Gong never named (<c>rejectedUnnamed</c>), never as accepted.
/// </remarks>
internal sealed class BatchUploader(
    IGongCrmClient client,
    RequestStatusPoller poller,
    UploadOptions options,
    Action<IReadOnlyList<Rejection>> reject,
    IUploadJournal journal,
    ILogger logger)
{
    /// <summary>Raised after each upload of a file is accepted by Gong (before its status is known).</summary>
    public event Action<BatchFile>? Sent;

    public async Task<FileOutcome> UploadAsync(long integrationId, BatchFile file, CancellationToken cancellationToken)
    {
        var uploads = new List<UploadSummary>();
        var finished = new List<FinishedUpload>();
        var rejectedIds = new HashSet<string>(StringComparer.Ordinal);
        var allNamed = true;
        string? firstRequestId = null;
        var current = file;
        long rejected = 0;
        long unidentified = 0;
        var failedOutright = false;
        for (var round = 0; ; round++)
        {
            var requestId = await SendOrResumeAsync(integrationId, current, round, firstRequestId, cancellationToken).ConfigureAwait(false);
            firstRequestId ??= requestId;

            if (round == 0)
            {
                Sent?.Invoke(file);
            }

            var status = await poller.WaitAsync(integrationId, requestId, cancellationToken).ConfigureAwait(false);
            finished.Add(new FinishedUpload(requestId, status));
            var summary = Summarize(requestId, current, status);
            uploads.Add(summary);
            if (round == 0)
            {
                // SPEC.md: an upload Gong FAILED without accepting a single record fails the run (exit 1), even when
                // every record is then reported as rejected.
                failedOutright = status.Status == RequestState.Failed && (status.TotalSuccessCount ?? 0) == 0;
            }

            PipelineLog.FileProcessed(logger, requestId, summary.Status, status.TotalSuccessCount, status.TotalErrorCount);

            using var lineMap = BatchLineMap.Open(current.LineMapPath);
            var errors = GongErrorReport.From(status, lineMap.Count);
            if (errors.WholeFile is { } reason)
            {
                var everyLine = lineMap.All().Select((origin, index) => (Line: index + 1, origin));
                reject([.. everyLine.Select(l => ToRejection(file, l.origin, errors.Lines.GetValueOrDefault(l.Line, reason)))]);
                rejected += lineMap.Count;
                allNamed = false;
                break;
            }

            var named = errors.Lines.Select(e => ToRejection(file, lineMap.Resolve(e.Key), e.Value)).ToList();
            reject(named);
            rejectedIds.UnionWith(named.Select(r => r.ObjectId ?? string.Empty));
            rejected += errors.Lines.Count;
            var unnamed = Math.Max(0, (status.TotalErrorCount ?? 0) - errors.Lines.Count);
            if (unnamed == 0 || errors.Lines.Count == 0 || round + 1 >= options.MaxErrorRounds)
            {
                if (unnamed > 0)
                {
                    PipelineLog.UnnamedErrorsLeft(logger, unnamed, Path.GetFileName(file.Path));
                }

                var unexplained = Unexplained(current.RecordCount, errors.Lines.Count + unnamed, status.TotalSuccessCount);
                if (unexplained > 0)
                {
                    PipelineLog.SuccessesMissing(logger, Path.GetFileName(current.Path), current.RecordCount, status.TotalSuccessCount ?? 0, unexplained);
                }

                unidentified = unnamed + unexplained;

                // What Gong did not name cannot be told apart: nothing of the file is recorded as accepted by objectId.
                allNamed &= unidentified == 0;
                break;
            }

            var next = string.Create(CultureInfo.InvariantCulture, $"{file.Path}.r{round + 1}.ldjson");
            current = await BatchFileRewriter.WithoutLinesAsync(current, errors.Lines.Keys.ToHashSet(), next, cancellationToken).ConfigureAwait(false);
            PipelineLog.UploadingAgain(logger, unnamed, current.RecordCount);
        }

        journal.Finished(file, finished, allNamed ? rejectedIds : null);
        var accepted = file.RecordCount - rejected - unidentified;
        return new FileOutcome(file, accepted, rejected, unidentified, uploads, failedOutright);
    }

    /// <summary>Records sent that Gong counted neither as a success nor as an error (none when Gong gave no count).</summary>
    private static long Unexplained(long sent, long errors, int? successes) =>
        successes is { } accepted ? Math.Max(0, sent - errors - accepted) : 0;

    /// <summary>Records the upload in the journal before its call (a crash after it leaves a row the next run resolves),
    /// then sends it, unless an earlier run's upload of the same content reached Gong: then it is only polled.</summary>
    private async Task<string> SendOrResumeAsync(long integrationId, BatchFile current, int round, string? firstRequestId, CancellationToken cancellationToken)
    {
        var (requestId, alreadySent) = await journal.PlanAsync(current, round, firstRequestId, cancellationToken).ConfigureAwait(false);
        if (alreadySent)
        {
            PipelineLog.UploadResumed(logger, requestId, "sent");
            return requestId;
        }

        bool already;
        try
        {
            var receipt = await client.UploadEntitiesAsync(integrationId, current.ObjectType, requestId, current.Path, cancellationToken).ConfigureAwait(false);
            already = receipt.AlreadyAccepted;
        }
        catch (GongApiException exception) when (exception.StatusCode == 409)
        {
            // SPEC.md, "Upload ledger": ids are derived from the content, so a 409 means Gong has this very upload
            // (an earlier run sent it and died before its ledger row said so): poll it.
            already = true;
        }

        journal.Sent(requestId);
        PipelineLog.FileUploaded(
            logger, Path.GetFileName(current.Path), requestId, current.RecordCount, already ? ", already accepted by Gong" : string.Empty);
        return requestId;
    }

    private static Rejection ToRejection(BatchFile file, BatchLineOrigin origin, string description) =>
        new(file.ObjectType, origin.Source, origin.Line, origin.ObjectId, RejectionStage.Gong, description);

    private static UploadSummary Summarize(string clientRequestId, BatchFile file, RequestStatus status) => new()
    {
        ClientRequestId = clientRequestId,
        File = Path.GetFileName(file.Path),
        Records = file.RecordCount,
        Bytes = file.Bytes,
        Status = status.Status.ToWireName(),
        TotalSuccessCount = status.TotalSuccessCount,
        TotalErrorCount = status.TotalErrorCount,
    };
}
