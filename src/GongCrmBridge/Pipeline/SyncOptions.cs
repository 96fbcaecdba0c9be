using GongCrmBridge.Upload;

namespace GongCrmBridge.Pipeline;

/// <summary>What a real sync does beyond a dry run.</summary>
public sealed record SyncOptions
{
    /// <summary>Gets a value indicating whether custom fields gone from the job are deleted in Gong (with their
    /// values). The default value is false: they are kept.</summary>
    public bool AllowFieldRemoval { get; init; }

    /// <summary>Gets how batches are uploaded and followed up.</summary>
    public UploadOptions Upload { get; init; } = new();

    /// <summary>Gets a value indicating whether the uploaded LDJSON files stay in the report folder after a run that
    /// finished (exit 0 or 3). The default value is false: a nightly job must not fill the disk with copies of the
    /// exports. A failed or stopped run always keeps them, for diagnosis.</summary>
    public bool KeepBatches { get; init; }

    /// <summary>Gets a value indicating whether the job's business users are checked against Gong's users before
    /// uploading (<c>--check-users</c>: an <c>unknown-gong-user</c> warning; one call per page of Gong's users).</summary>
    public bool CheckUsers { get; init; }

    /// <summary>Gets the company's daily call budget, to report what is left. The default value is Gong's 10,000.</summary>
    public long DailyCallBudget { get; init; } = 10_000;

    /// <summary>Gets the state folder (SPEC.md, "State (nightly runs)"), or null for a run that remembers nothing:
    /// no lock, no ledger, no incremental check, no mirror deletes.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Gets a value indicating whether every valid record is sent, unchanged or not, and its hash refreshed
    /// (<c>--full</c>).</summary>
    public bool Full { get; init; }

    /// <summary>Gets a value indicating whether mirror mode may delete more than <c>maxDeletePercent</c> this run
    /// (<c>--allow-deletes</c>; never lifts the empty-export guard).</summary>
    public bool AllowDeletes { get; init; }

    /// <summary>Gets a value indicating whether the run sends even when its plan exceeds the day's budget left.</summary>
    public bool IgnoreBudget { get; init; }

    /// <summary>Gets the relay the Gong client tells of every HTTP attempt; the run points it at the state's daily
    /// counter. Null when the client counts nothing beyond the run.</summary>
    public CallCounterRelay? Calls { get; init; }
}
