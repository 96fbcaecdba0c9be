using System.Buffers.Binary;
using System.Text;

namespace GongCrmBridge.Batching.Files;

/// <summary>Writes a line map sequentially, one entry per LDJSON line.</summary>
/// <remarks>The index is kept in memory until <see cref="Complete"/> as 32-bit offsets from the first entry (a line map
/// is smaller than its LDJSON file, which is below 200 MiB) in blocks of 64 KiB: 4 bytes a line, nothing copied or left
/// over when it grows (a doubling array kept twice that, and its discarded halves, while a file was merged beside the
/// pipeline).</remarks>
internal sealed class BatchLineMapWriter : IDisposable
{
    private readonly BackgroundFileWriter _stream;
    private readonly long _firstEntry;
    private const int OffsetsPerBlock = 16 * 1024;
    private readonly List<int[]> _offsets = [];
    private int _count;

    public BatchLineMapWriter(string path, IReadOnlyList<string> sources)
    {
        Path = path;
        _stream = new BackgroundFileWriter(path);
        _stream.Write(BatchLineMap.Magic);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(number, sources.Count);
        _stream.Write(number);
        foreach (var source in sources)
        {
            var bytes = Encoding.UTF8.GetBytes(source);
            BinaryPrimitives.WriteInt32LittleEndian(number, bytes.Length);
            _stream.Write(number);
            _stream.Write(bytes);
        }

        _firstEntry = _stream.Position;
    }

    public string Path { get; }

    public void Add(int source, long line, ReadOnlySpan<byte> objectIdUtf8)
    {
        if (_count % OffsetsPerBlock == 0)
        {
            _offsets.Add(new int[OffsetsPerBlock]);
        }

        _offsets[^1][_count++ % OffsetsPerBlock] = checked((int)(_stream.Position - _firstEntry));
        Span<byte> entry = stackalloc byte[16 + 256];
        entry = objectIdUtf8.Length <= 256 ? entry[..(16 + objectIdUtf8.Length)] : new byte[16 + objectIdUtf8.Length];
        BinaryPrimitives.WriteInt32LittleEndian(entry, source);
        BinaryPrimitives.WriteInt64LittleEndian(entry[4..], line);
        BinaryPrimitives.WriteInt32LittleEndian(entry[12..], objectIdUtf8.Length);
        objectIdUtf8.CopyTo(entry[16..]);
        _stream.Write(entry);
    }

    /// <summary>Writes the index and footer and closes the file.</summary>
    public void Complete()
    {
        var indexOffset = _stream.Position;
        Span<byte> number = stackalloc byte[8];
        var block = new byte[64 * 1024];
        var used = 0;
        for (var i = 0; i < _count; i++)
        {
            if (used == block.Length)
            {
                _stream.Write(block.AsSpan(0, used));
                used = 0;
            }

            BinaryPrimitives.WriteInt64LittleEndian(block.AsSpan(used), _firstEntry + _offsets[i / OffsetsPerBlock][i % OffsetsPerBlock]);
            used += 8;
        }

        _stream.Write(block.AsSpan(0, used));

        _offsets.Clear();

        BinaryPrimitives.WriteInt32LittleEndian(number, _count);
        _stream.Write(number[..4]);
        BinaryPrimitives.WriteInt64LittleEndian(number, indexOffset);
        _stream.Write(number);
        _stream.Complete();
        _stream.Dispose();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _offsets.Clear();
    }
}
