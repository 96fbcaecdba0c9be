namespace GongCrmBridge.Batching.Sorting;

/// <summary>What records sort by inside a file: modifiedDate, then arrival.</summary>
/// <param name="Ticks">The record's modifiedDate in UTC ticks.</param>
/// <param name="Seq">The record's arrival number: unique, so no two keys are equal.</param>
internal readonly record struct SortKey(long Ticks, long Seq) : IComparable<SortKey>
{
    /// <summary>Whether this key sorts before <paramref name="other"/>.</summary>
    public bool Precedes(in SortKey other) => Ticks != other.Ticks ? Ticks < other.Ticks : Seq < other.Seq;

    /// <inheritdoc />
    public int CompareTo(SortKey other) => Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks) : Seq.CompareTo(other.Seq);
}
