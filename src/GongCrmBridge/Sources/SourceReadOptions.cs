namespace GongCrmBridge.Sources;

/// <summary>How a source is read: chunk size and the guard against oversized records.</summary>
internal sealed record SourceReadOptions
{
    /// <summary>Gets the default options.</summary>
    public static SourceReadOptions Default { get; } = new();

    /// <summary>Gets the number of records per <see cref="SourceChunk"/> (problem rows included). Default 2048.</summary>
    public int ChunkSize { get; init; } = 2048;

    /// <summary>
    /// Gets the largest record accepted, counted in bytes of its UTF-8 text as read (about one byte per character for
    /// Latin text). A larger record becomes a problem row and is never buffered whole; for CSV, reading resumes on
    /// the line after the one where the oversized record starts (an unclosed quote is the usual cause). Default 1,000,000.
    /// </summary>
    public int MaxRecordChars { get; init; } = 1_000_000;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (ChunkSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunkSize), ChunkSize, "ChunkSize must be at least 1.");
        }

        if (MaxRecordChars < 256)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRecordChars), MaxRecordChars, "MaxRecordChars must be at least 256.");
        }
    }
}
