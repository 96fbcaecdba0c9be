namespace GongCrmBridge.Batching;

/// <summary>Where one line of an LDJSON file came from.</summary>
/// <param name="Source">The export the record was read from.</param>
/// <param name="Line">1-based physical line of the record in <paramref name="Source"/>.</param>
/// <param name="ObjectId">The record's objectId.</param>
internal readonly record struct BatchLineOrigin(string Source, long Line, string ObjectId);
