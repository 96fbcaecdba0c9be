namespace GongCrmBridge.Sources;

/// <summary>An open export that yields its records in chunks, in file order.</summary>
internal interface IRecordSource : IAsyncDisposable
{
    /// <summary>Gets the export's path.</summary>
    string Path { get; }

    /// <summary>Gets the requested columns that the export's header lacks (always empty for JSON Lines).</summary>
    IReadOnlyList<string> MissingColumns { get; }

    /// <summary>Gets the header names that appear more than once (CSV; reached as <c>Name#2</c>, ...).</summary>
    IReadOnlyList<string> RepeatedHeaderNames => [];

    /// <summary>Reads the export from the start, one chunk at a time; each chunk holds at most about
    /// <c>chunkSize</c> records.</summary>
    IAsyncEnumerable<SourceChunk> ReadChunksAsync(CancellationToken cancellationToken = default);
}
