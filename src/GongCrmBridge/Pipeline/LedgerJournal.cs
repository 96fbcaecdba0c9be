using System.Collections.Concurrent;
using GongCrmBridge.Batching;
using GongCrmBridge.State;
using GongCrmBridge.Upload;

namespace GongCrmBridge.Pipeline;

/// <summary>The journal of a run with a state: every upload in the state's ledger before its call, ids derived from
/// the file's content, and what Gong accepted written to the tracked objects (SPEC.md, "Upload ledger").</summary>
/// <remarks>
/// <para>The rows of a file's uploads (its first upload and its error rounds) stay <c>sent</c> until the last of them
/// is final, and only then are all marked finished. A run killed in between rebuilds the same file (same content,
/// same id), finds the row still unfinished and polls it instead of sending it again; so does each round, whose
/// rewritten file has the same content again.</para>
/// <para>The tracked objects are written before the rows are marked finished: a crash in between leaves the rows
/// unfinished, and the next run polls them again and rewrites the same objects (idempotent).</para>
/// </remarks>
internal sealed class LedgerJournal(StateStore store, string runId) : IUploadJournal
{
    private readonly ConcurrentDictionary<string, bool> _deleteFiles = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="file"/> as a file of mirror deletes: what Gong accepts from it is forgotten,
    /// not tracked.</summary>
    public void AddDeleteFile(BatchFile file) => _deleteFiles[file.Path] = true;

    public async Task<PlannedUpload> PlanAsync(BatchFile file, int round, string? firstRequestId, CancellationToken cancellationToken)
    {
        var digest = await FileDigest.OfFileAsync(file.Path, cancellationToken).ConfigureAwait(false);
        var row = store.Uploads.Plan(runId, file.ObjectType, digest, file.RecordCount, file.Bytes, file.Path, round == 0 ? null : firstRequestId);
        return new PlannedUpload(row.ClientRequestId, row.State is UploadState.Sent or UploadState.Pending);
    }

    public void Sent(string clientRequestId) => store.Uploads.MarkSent(clientRequestId);

    public void Finished(BatchFile file, IReadOnlyList<FinishedUpload> uploads, IReadOnlySet<string>? rejectedObjectIds)
    {
        if (rejectedObjectIds is not null && uploads.Count > 0)
        {
            var accepted = AcceptedRecords.Read(file.Path).Where(o => !rejectedObjectIds.Contains(o.ObjectId));
            if (_deleteFiles.ContainsKey(file.Path))
            {
                store.Tracked.Remove(file.ObjectType, accepted.Select(o => o.ObjectId));
            }
            else
            {
                store.Tracked.Upsert(file.ObjectType, uploads[0].ClientRequestId, accepted);
            }
        }

        foreach (var upload in uploads)
        {
            var status = upload.Status;
            store.Uploads.MarkFinished(upload.ClientRequestId, status.Status!.Value, status.TotalSuccessCount, status.TotalErrorCount);
        }
    }
}
