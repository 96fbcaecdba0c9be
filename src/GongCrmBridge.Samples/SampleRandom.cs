namespace GongCrmBridge.Samples;

/// <summary>A small, fast and portable pseudo-random generator (SplitMix64) for the sample generators: the same
/// seed gives the same sequence on every platform and .NET version, unlike <see cref="Random"/>'s unseeded paths.</summary>
internal sealed class SampleRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Returns an integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Returns an integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>Returns true with a probability of <paramref name="percent"/> in 100.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    /// <summary>Returns one element of <paramref name="items"/>.</summary>
    public T Pick<T>(T[] items) => items[Next(items.Length)];
}
