namespace GongCrmBridge.Batching.Sorting;

/// <summary>A buffered record of a sort run: its key, and where its bytes are.</summary>
/// <param name="Key">What it sorts by.</param>
/// <param name="Offset">Where the record starts in the sort buffer.</param>
/// <param name="Length">The record's size in the sort buffer.</param>
internal readonly record struct RunEntry(SortKey Key, int Offset, int Length)
{
    /// <summary>Whether this entry sorts before <paramref name="other"/>.</summary>
    public bool Precedes(in RunEntry other) => Key.Precedes(other.Key);
}
