namespace GongCrmBridge.Batching.Sorting;

/// <summary>A byte range of a run file holding records sorted by (modifiedDate, arrival).</summary>
internal readonly record struct SortedRun(long Offset, long Length);
