using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Upload;

/// <summary>How far the uploads of one object type are: files Gong finished processing and their records.</summary>
/// <param name="ObjectType">The object type.</param>
/// <param name="FilesDone">Files Gong finished processing.</param>
/// <param name="Accepted">Records Gong accepted so far.</param>
/// <param name="Rejected">Records Gong rejected so far.</param>
public sealed record UploadProgress(CrmObjectType ObjectType, int FilesDone, long Accepted, long Rejected);

/// <summary>Adds up finished files per object type and reports the totals.</summary>
internal sealed class UploadProgressTracker(IProgress<UploadProgress> progress)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CrmObjectType, UploadProgress> _totals = [];

    public void OnFinished(FileOutcome outcome)
    {
        UploadProgress total;
        lock (_gate)
        {
            var type = outcome.File.ObjectType;
            var before = _totals.GetValueOrDefault(type) ?? new UploadProgress(type, 0, 0, 0);
            total = before with
            {
                FilesDone = before.FilesDone + 1,
                Accepted = before.Accepted + outcome.Accepted,
                Rejected = before.Rejected + outcome.Rejected + outcome.Unidentified,
            };
            _totals[type] = total;
        }

        progress.Report(total);
    }
}
