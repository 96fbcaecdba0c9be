namespace GongCrmBridge.Batching.Sorting;

/// <summary>Receives the records of a merge, in sorted order.</summary>
internal delegate void SpillRecordHandler(in SpillRecord record);
