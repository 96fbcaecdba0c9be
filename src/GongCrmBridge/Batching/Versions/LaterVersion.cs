namespace GongCrmBridge.Batching.Versions;

/// <summary>Where a later version of an objectId goes (its generation's files) and its sort key there.</summary>
/// <param name="Generation">1 for an objectId's second oldest version, 2 for its third, and so on; 0 for a version
/// merged into a newer one (left out of every file).</param>
/// <param name="Ticks">The version's modifiedDate in UTC ticks.</param>
/// <param name="Seq">The version's arrival number in the batcher.</param>
internal readonly record struct LaterVersion(int Generation, long Ticks, long Seq);
