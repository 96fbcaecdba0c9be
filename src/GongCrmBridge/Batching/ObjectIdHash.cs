using System.IO.Hashing;

namespace GongCrmBridge.Batching;

/// <summary>The 64-bit hash objectIds are known by, in the batcher (versions of one object, its Bloom filter) and in the
/// referential checks (ids pointed at): XXH3 over the id's UTF-8 bytes. Stable across runs and machines; its bits are
/// well spread, as the Bloom filter needs; collisions among millions of ids are vanishingly rare (about 1 in 10^6 runs
/// of 5M distinct ids).</summary>
internal static class ObjectIdHash
{
    public static ulong Of(ReadOnlySpan<byte> utf8) => XxHash3.HashToUInt64(utf8);
}
