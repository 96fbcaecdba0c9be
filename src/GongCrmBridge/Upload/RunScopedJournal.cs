using System.Globalization;
using GongCrmBridge.Batching;

namespace GongCrmBridge.Upload;

/// <summary>The journal of a run without a state: ids named after the run and the file (<see cref="UploadRequestIds"/>),
/// error rounds suffixed <c>-rN</c>; nothing is remembered beyond the run.</summary>
internal sealed class RunScopedJournal(string runId) : IUploadJournal
{
    public Task<PlannedUpload> PlanAsync(BatchFile file, int round, string? firstRequestId, CancellationToken cancellationToken) => Task.FromResult(new PlannedUpload(
        round == 0 ? UploadRequestIds.For(runId, file) : string.Create(CultureInfo.InvariantCulture, $"{firstRequestId}-r{round}"),
        AlreadySent: false));

    public void Sent(string clientRequestId)
    {
    }

    public void Finished(BatchFile file, IReadOnlyList<FinishedUpload> uploads, IReadOnlySet<string>? rejectedObjectIds)
    {
    }
}
