namespace GongCrmBridge.Batching;

/// <summary>Where and how <see cref="LdjsonBatcher"/> writes LDJSON files.</summary>
internal sealed record BatchingOptions
{
    /// <summary>Room left in each upload for the multipart envelope around the file (16 KiB).</summary>
    public const long MultipartOverheadBytes = 16 * 1024;

    /// <summary>Gong's largest upload: 200 MB, as 200,000,000 bytes (not MiB: Gong does not say MiB, and the
    /// smaller reading is the one Gong cannot refuse).</summary>
    public const long MaxUploadBytes = 200_000_000;

    /// <summary>Gets the folder the LDJSON files, their line maps and temporary sort files are written to (created if needed).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Gets the largest LDJSON file, in bytes. Default 200 MB (200,000,000 bytes) minus <see cref="MultipartOverheadBytes"/>.</summary>
    public long MaxFileBytes { get; init; } = MaxUploadBytes - MultipartOverheadBytes;

    /// <summary>Gets the memory used to sort records before they are spilled to disk as a sorted run. Default 16 MiB;
    /// the batcher's memory stays near this whatever the number of records.</summary>
    public int SortBufferBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(WorkDirectory))
        {
            throw new ArgumentException("WorkDirectory is required.", nameof(WorkDirectory));
        }

        if (MaxFileBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), MaxFileBytes, "MaxFileBytes must be at least 1024.");
        }

        if (SortBufferBytes < 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(SortBufferBytes), SortBufferBytes, "SortBufferBytes must be at least 4096.");
        }
    }
}
