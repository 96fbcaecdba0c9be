using GongCrmBridge.Batching;
using GongCrmBridge.Jobs;
using GongCrmBridge.Reporting;
using GongCrmBridge.Upload;

namespace GongCrmBridge.Pipeline;

/// <summary>What the sending half of a sync works with.</summary>
internal sealed record SendContext(
    JobDefinition Job,
    RunOptions Run,
    SyncOptions Sync,
    BuildResult Built,
    RunSummary Summary,
    RejectionsCsvWriter Rejections,
    UploadLedger Ledger,
    StateSession? State,
    List<BatchFile> Deletes);
