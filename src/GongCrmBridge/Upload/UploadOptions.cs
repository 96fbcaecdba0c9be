using GongCrmBridge.Status;

namespace GongCrmBridge.Upload;

/// <summary>How batches are uploaded and followed up.</summary>
public sealed record UploadOptions
{
    /// <summary>Gets the status polling cadence.</summary>
    public PollingOptions Polling { get; init; } = new();

    /// <summary>Gets how many uploads of one file may be spent to find Gong's errors beyond the 20 it reports per
    /// upload. The default value is 10 (up to 200 errors identified per file).</summary>
    /// <remarks>Each extra round re-uploads the file without the lines already reported (uploads are upserts, so
    /// valid records are unaffected); it costs one upload and a few status calls of the daily budget.</remarks>
    public int MaxErrorRounds { get; init; } = 10;

    /// <summary>Gets how many files may be uploaded and polled at the same time. The default value is 3.</summary>
    /// <remarks>Every call still passes the one rate limiter; this only lets independent files overlap their waits.</remarks>
    public int MaxFilesInFlight { get; init; } = 3;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        Polling.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxErrorRounds, 1, nameof(MaxErrorRounds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFilesInFlight, 1, nameof(MaxFilesInFlight));
    }
}
