using GongCrmBridge.Batching;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Upload;

/// <summary>What Gong did with one batch file, over all its upload rounds.</summary>
/// <param name="File">The file.</param>
/// <param name="Accepted">Records Gong accepted.</param>
/// <param name="Rejected">Records Gong rejected that were identified (each has a row in rejections.csv).</param>
/// <param name="Unidentified">Records Gong counted as errors but never named, once the error rounds were spent.</param>
/// <param name="Uploads">Every upload made for the file.</param>
/// <param name="FailedOutright">True when Gong failed the file as a whole and accepted nothing.</param>
internal sealed record FileOutcome(
    BatchFile File,
    long Accepted,
    long Rejected,
    long Unidentified,
    IReadOnlyList<UploadSummary> Uploads,
    bool FailedOutright);
