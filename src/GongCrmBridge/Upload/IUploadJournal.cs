using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Upload;

/// <summary>The id an upload is made with, and whether Gong already has it (a resumed run: poll, do not send).</summary>
/// <param name="ClientRequestId">The clientRequestId.</param>
/// <param name="AlreadySent">True when an earlier run's upload of the same content reached Gong.</param>
internal readonly record struct PlannedUpload(string ClientRequestId, bool AlreadySent);

/// <summary>One upload of a file (its first or an error re-upload round) and Gong's final status of it.</summary>
/// <param name="ClientRequestId">The upload's id.</param>
/// <param name="Status">Gong's final status.</param>
internal sealed record FinishedUpload(string ClientRequestId, RequestStatus Status);

/// <summary>Where <see cref="BatchUploader"/> records its uploads: the state's ledger (SPEC.md, "Upload ledger"), or
/// nothing beyond the run for a run without a state.</summary>
internal interface IUploadJournal
{
    /// <summary>Records the upload about to be made (before the call) and returns its id.</summary>
    /// <param name="file">The file about to be sent (a rewritten one for an error round).</param>
    /// <param name="round">0 for the file's first upload, n for its n-th error round.</param>
    /// <param name="firstRequestId">The id of the file's first upload (for rounds; null for round 0).</param>
    /// <param name="cancellationToken">The run's stop.</param>
    Task<PlannedUpload> PlanAsync(BatchFile file, int round, string? firstRequestId, CancellationToken cancellationToken);

    /// <summary>Gong took the upload (201, or 409 for an id it has).</summary>
    void Sent(string clientRequestId);

    /// <summary>Every upload of <paramref name="file"/> is final.</summary>
    /// <param name="file">The file as built.</param>
    /// <param name="uploads">Its uploads, first to last.</param>
    /// <param name="rejectedObjectIds">The objectIds Gong rejected, or null when Gong's errors could not all be
    /// named (or it failed the whole file): then no record of the file is known to be accepted.</param>
    void Finished(BatchFile file, IReadOnlyList<FinishedUpload> uploads, IReadOnlySet<string>? rejectedObjectIds);
}
