using System.Numerics;
using System.Runtime.InteropServices;

namespace GongCrmBridge.State;

/// <summary>What the state knows of a record about to be sent.</summary>
internal enum TrackedLookup
{
    /// <summary>Gong never accepted this objectId from this tool: send it.</summary>
    New,

    /// <summary>Gong has it with other content: send it.</summary>
    Changed,

    /// <summary>Gong has it as it is (modifiedDate aside): count it unchanged, do not send it.</summary>
    Unchanged,
}

/// <summary>One object type's tracked objects in memory, for the incremental check of every record a run reads:
/// 64-bit objectId key → content hash, plus a "seen in this run" bit per object for mirror deletes.</summary>
/// <remarks>
/// <para>Compact and flat: the entries are (key, hash) pairs sorted by key in one array, 16 bytes an object, and a
/// bucket directory of one <see cref="int"/> per ~4 entries over the keys' top bits (keys are hashes, so uniform):
/// a lookup reads one directory slot and one cache line of entries. At 1M objects that is ~17 MB and ~20 ns a
/// lookup (measured in tests/GongCrmBridge.Benchmarks, <c>state</c>), where streaming lookups from SQLite would take
/// microseconds each.</para>
/// <para>Two objectIds sharing a key: the lookup finds the first entry of the key. The other id then compares its
/// record's hash with another object's (whose content, objectId included, differs) and is sent again: a wasted send,
/// never a missed change. "Seen" is kept per key, so neither id of the pair is ever deleted by mirror mode while one
/// of them is in the export: a missed delete, never a wrong one.</para>
/// <para>Thread-safe for <see cref="Check"/>, <see cref="MarkSeen"/> and <see cref="WasSeen"/> (the seen bits are
/// set atomically), so the check can run in the parallel mapping stage.</para>
/// </remarks>
internal sealed class TrackedObjectIndex
{
    private readonly Entry[] _entries;
    private readonly int[] _buckets;
    private readonly int _shift;
    private readonly ulong[] _seen;

    private TrackedObjectIndex(Entry[] entries)
    {
        _entries = entries;
        var bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(entries.Length, 1)) - 1, 1, 30);
        _shift = 64 - bits;
        _buckets = new int[(1 << bits) + 1];
        var next = 0;
        for (var bucket = 0; bucket < _buckets.Length - 1; bucket++)
        {
            _buckets[bucket] = next;
            while (next < entries.Length && (int)(entries[next].Key >> _shift) == bucket)
            {
                next++;
            }
        }

        _buckets[^1] = entries.Length;
        _seen = new ulong[(entries.Length + 63) / 64];
    }

    /// <summary>Gets an index of no objects: every record is new.</summary>
    public static TrackedObjectIndex Empty { get; } = new([]);

    /// <summary>Gets the number of tracked objects.</summary>
    public int Count => _entries.Length;

    /// <summary>Gets the entries, sorted by key.</summary>
    internal ReadOnlySpan<Entry> Entries => _entries;

    /// <summary>Gets the bytes the index holds.</summary>
    public long MemoryBytes => ((long)_entries.Length * Marshal.SizeOf<Entry>()) + ((long)_buckets.Length * sizeof(int)) + ((long)_seen.Length * sizeof(ulong));

    /// <summary>Gets how many tracked objects were seen so far.</summary>
    public int SeenCount
    {
        get
        {
            var count = 0;
            for (var i = 0; i < _seen.Length; i++)
            {
                count += BitOperations.PopCount(Volatile.Read(ref _seen[i]));
            }

            return count;
        }
    }

    /// <summary>Builds an index over <paramref name="entries"/>, which it sorts and keeps.</summary>
    public static TrackedObjectIndex Build(Entry[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        entries.AsSpan().Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return new TrackedObjectIndex(entries);
    }

    /// <summary>Builds an index over entries already sorted by key (a stored snapshot).</summary>
    internal static TrackedObjectIndex FromSorted(Entry[] entries) => new(entries);

    /// <summary>Compares a record with what Gong has, and marks its objectId seen.</summary>
    /// <param name="key">The record's <see cref="ObjectKey"/>.</param>
    /// <param name="contentHash">The record's <see cref="RecordContentHash"/>.</param>
    public TrackedLookup Check(ulong key, ulong contentHash)
    {
        var index = Find(key);
        if (index < 0)
        {
            return TrackedLookup.New;
        }

        Interlocked.Or(ref _seen[index >> 6], 1UL << (index & 63));
        return _entries[index].ContentHash == contentHash ? TrackedLookup.Unchanged : TrackedLookup.Changed;
    }

    /// <summary>Marks an objectId of the export seen without comparing content (a record rejected before sending is
    /// still in the export: mirror mode must not delete it).</summary>
    public void MarkSeen(ulong key)
    {
        var index = Find(key);
        if (index >= 0)
        {
            Interlocked.Or(ref _seen[index >> 6], 1UL << (index & 63));
        }
    }

    /// <summary>Returns whether the export held <paramref name="key"/>'s objectId (false for an untracked id).</summary>
    public bool WasSeen(ulong key)
    {
        var index = Find(key);
        return index >= 0 && (Volatile.Read(ref _seen[index >> 6]) & (1UL << (index & 63))) != 0;
    }

    private int Find(ulong key)
    {
        if (_entries.Length == 0)
        {
            return -1;
        }

        var bucket = (int)(key >> _shift);
        var end = _buckets[bucket + 1];
        for (var i = _buckets[bucket]; i < end; i++)
        {
            var candidate = _entries[i].Key;
            if (candidate >= key)
            {
                return candidate == key ? i : -1;
            }
        }

        return -1;
    }

    /// <summary>One tracked object: its key and its content hash, as stored in a snapshot (16 bytes, little-endian).</summary>
    /// <param name="Key">The objectId's <see cref="ObjectKey"/>.</param>
    /// <param name="ContentHash">The record's <see cref="RecordContentHash"/> as Gong last accepted it.</param>
    [StructLayout(LayoutKind.Sequential)]
    internal readonly record struct Entry(ulong Key, ulong ContentHash);
}
