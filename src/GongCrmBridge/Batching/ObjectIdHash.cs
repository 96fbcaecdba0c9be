namespace GongCrmBridge.Batching;

/// <summary>The 64-bit hash objectIds are known by, in the batcher (versions of one object) and in the referential
/// checks (ids pointed at): FNV-1a over the id's UTF-8 bytes, then a MurmurHash3 finalizer that spreads the bits for the
/// Bloom filter. Stable across runs; collisions among millions of ids are vanishingly rare.</summary>
internal static class ObjectIdHash
{
    public static ulong Of(ReadOnlySpan<byte> utf8)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
