namespace GongCrmBridge.Batching.Sorting;

/// <summary>The records of one future LDJSON file: sorted runs to merge, and the JSON bytes they add up to.</summary>
internal sealed class RecordGroup
{
    public List<SortedRun> Runs { get; } = [];

    /// <summary>Gets or sets which of the builder's run files holds <see cref="Runs"/>.</summary>
    public int RunFile { get; set; }

    /// <summary>Gets or sets what completes once the runs have been read for the last time (their space may then be
    /// written over); <see langword="null"/> while they are still needed.</summary>
    public Task? Released { get; set; }

    public int Count { get; set; }

    public long JsonBytes { get; set; }
}
