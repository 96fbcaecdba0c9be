using System.Buffers.Binary;
using GongCrmBridge.Batching.Files;
using GongCrmBridge.Mapping;

namespace GongCrmBridge.Batching.Versions;

/// <summary>
/// Finds the records that are later versions of an objectId without keeping every objectId in memory: as records
/// arrive, each one's key (objectId hash, modifiedDate, origin) is appended to a temporary keys file and its hash to a
/// Bloom filter (<see cref="ObjectIdFilter"/>); <see cref="Find"/> then reads the keys back and looks closely only at the
/// hashes the filter saw twice.
/// </summary>
internal sealed class LaterVersionFinder : IDisposable
{
    /// <summary>The size of a record's entry in the keys file (<see cref="WriteKey"/>).</summary>
    private const int KeySize = 36;

    private static readonly byte[] ModifiedDateKey = "\"modifiedDate\":\""u8.ToArray();

    private readonly System.IO.Hashing.XxHash3 _content = new();

    private readonly string _keysPath;
    /// <summary>The keys, written on the caller's thread: 28 bytes a record (28 MB per million records) cost it under 1% of
    /// a dry run, too little to pay for a background writer.</summary>
    private FileStream? _keys;
    private ObjectIdFilter? _filter;
    private ulong[] _hashes = [];
    private byte[] _keyBlock = [];

    /// <summary>Initializes a new instance of the <see cref="LaterVersionFinder"/> class.</summary>
    /// <param name="keysPath">The temporary keys file, created with the first record and deleted by <see cref="Dispose"/>.</param>
    public LaterVersionFinder(string keysPath) => _keysPath = keysPath;

    /// <summary>Records the key of every record of <paramref name="chunk"/>, in arrival order.</summary>
    /// <param name="chunk">Records that arrived together.</param>
    /// <param name="source">The index of the chunk's source in the batcher.</param>
    public void Add(MappedChunk chunk, int source)
    {
        _filter ??= new ObjectIdFilter();
        _keys ??= NewFile.Create(_keysPath, FileAccess.Write, FileShare.Read, bufferSize: 1024 * 1024);
        var records = chunk.RecordSpan;
        if (_hashes.Length < records.Length)
        {
            _hashes = new ulong[records.Length];
            _keyBlock = new byte[records.Length * KeySize];
        }

        // Hashes and keys first, then the filter in a loop of its own: its probes are cache misses, and with nothing else
        // in the loop the processor overlaps many of them.
        for (var i = 0; i < records.Length; i++)
        {
            var hash = ObjectIdHash.Of(chunk.IdUtf8(records[i].ObjectId));
            _hashes[i] = hash;
            WriteKey(_keyBlock.AsSpan(i * KeySize, KeySize), hash, records[i].ModifiedUtcTicks, source, records[i].Line, ContentHash(chunk.Json.Span.Slice(records[i].JsonOffset, records[i].JsonLength)));
        }

        _keys.Write(_keyBlock.AsSpan(0, records.Length * KeySize));
        _filter.AddAll(_hashes.AsSpan(0, records.Length));
    }

    /// <summary>Gets the records <see cref="Find"/> folded into another version of their objectId (SPEC.md: identical
    /// apart from modifiedDate, or an earlier line with the same modifiedDate).</summary>
    public long Merged { get; private set; }

    /// <summary>Gets the records <see cref="Find"/> folded because their objectId repeats with the same modifiedDate and
    /// different content: a key that is not unique.</summary>
    public long DuplicateObjectIds { get; private set; }

    /// <summary>For every record that is a later version of an objectId, keyed by its origin (source index, line): its
    /// generation (1 = second oldest, ...) and sort key; generation 0 for a record merged into another (left out).</summary>
    /// <returns><see langword="null"/> when no objectId occurs twice.</returns>
    public Dictionary<(int Source, long Line), LaterVersion>? Find()
    {
        if (_filter is null || _filter.Candidates.Count == 0 || _keys is null)
        {
            return null;
        }

        // Exact pass over the candidates only: read the key of every record back, keep those whose hash is a candidate.
        _keys.Flush();
        using var keys = new FileStream(_keysPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var suspects = new List<(ulong Hash, long Ticks, long Seq, int Source, long Line, ulong Content)>();
        var buffer = new byte[KeySize * 4096];
        long seq = 0;
        int read;
        while ((read = keys.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            for (var offset = 0; offset + KeySize <= read; offset += KeySize, seq++)
            {
                var key = buffer.AsSpan(offset, KeySize);
                var hash = BinaryPrimitives.ReadUInt64LittleEndian(key);
                if (_filter.Candidates.Contains(hash))
                {
                    suspects.Add((
                        hash,
                        BinaryPrimitives.ReadInt64LittleEndian(key[8..]),
                        seq,
                        BinaryPrimitives.ReadInt32LittleEndian(key[16..]),
                        BinaryPrimitives.ReadInt64LittleEndian(key[20..]),
                        BinaryPrimitives.ReadUInt64LittleEndian(key[28..])));
                }
            }
        }

        suspects.Sort(); // by hash, then (ticks, arrival): each objectId's versions oldest first
        var later = new Dictionary<(int Source, long Line), LaterVersion>();
        var generation = 0;
        var kept = 0; // the index of the objectId's newest version kept so far
        for (var i = 1; i < suspects.Count; i++)
        {
            var (hash, ticks, suspectSeq, source, line, content) = suspects[i];
            if (hash != suspects[i - 1].Hash)
            {
                (generation, kept) = (0, i);
                continue;
            }

            var previous = suspects[kept];
            if (content == previous.Content || ticks == previous.Ticks)
            {
                // The same record again (only modifiedDate moved), or a non-unique key: the newer (later) line takes the
                // earlier one's place, which is left out.
                Merged++;
                DuplicateObjectIds += content == previous.Content ? 0 : 1;
                later[(previous.Source, previous.Line)] = new LaterVersion(0, previous.Ticks, previous.Seq);
                if (generation == 0)
                {
                    later.Remove((source, line));
                }
                else
                {
                    later[(source, line)] = new LaterVersion(generation, ticks, suspectSeq);
                }
            }
            else
            {
                generation++;
                later[(source, line)] = new LaterVersion(generation, ticks, suspectSeq);
            }

            kept = i;
        }

        return later.Count == 0 ? null : later;
    }

    /// <summary>The hash of a record's JSON without its modifiedDate value (always the second key, see
    /// <see cref="CompiledMapping"/>), so versions that differ only there compare equal.</summary>
    private ulong ContentHash(ReadOnlySpan<byte> json)
    {
        _content.Reset();
        var at = json.IndexOf(ModifiedDateKey);
        if (at < 0)
        {
            _content.Append(json);
        }
        else
        {
            var valueStart = at + ModifiedDateKey.Length;
            var valueEnd = json[valueStart..].IndexOf((byte)'"');
            _content.Append(json[..valueStart]);
            _content.Append(valueEnd < 0 ? [] : json[(valueStart + valueEnd)..]);
        }

        return _content.GetCurrentHashAsUInt64();
    }

    /// <summary>Closes and deletes the keys file.</summary>
    public void Dispose()
    {
        if (_keys is not null)
        {
            _keys.Dispose();
            File.Delete(_keysPath);
        }
    }

    /// <summary>A record's key in the keys file: objectId hash, modifiedDate ticks, source index, source line, content
    /// hash.</summary>
    private static void WriteKey(Span<byte> key, ulong hash, long ticks, int source, long line, ulong content)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(key[28..], content);
        BinaryPrimitives.WriteUInt64LittleEndian(key, hash);
        BinaryPrimitives.WriteInt64LittleEndian(key[8..], ticks);
        BinaryPrimitives.WriteInt32LittleEndian(key[16..], source);
        BinaryPrimitives.WriteInt64LittleEndian(key[20..], line);
    }
}
