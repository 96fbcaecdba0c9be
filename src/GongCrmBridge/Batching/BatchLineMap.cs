using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching;

/// <summary>
/// The side file of an LDJSON file: for each of its lines, the source file, line and objectId, so that Gong's
/// per-line errors can be reported per object. Lookups read the file on demand; nothing is loaded whole.
/// </summary>
/// <remarks>Binary layout (little endian): magic <c>GCBLMAP1</c>, source count and sources (length-prefixed UTF-8),
/// the entries (source i32, line i64, id length i32, id UTF-8), one i64 offset per entry, then count i32 and the
/// offset of that index i64.</remarks>
internal sealed class BatchLineMap : IDisposable
{
    internal static readonly byte[] Magic = "GCBLMAP1"u8.ToArray();
    private const int FooterSize = 12;
    private const int EntryHeaderSize = 16;

    private readonly SafeFileHandle _handle;
    private readonly string[] _sources;
    private readonly long _indexOffset;
    private readonly long _firstEntryOffset;

    private BatchLineMap(SafeFileHandle handle, string[] sources, int count, long indexOffset, long firstEntryOffset)
    {
        _handle = handle;
        _sources = sources;
        Count = count;
        _indexOffset = indexOffset;
        _firstEntryOffset = firstEntryOffset;
    }

    /// <summary>Gets the number of lines mapped.</summary>
    public int Count { get; }

    /// <summary>Opens a line map written with an LDJSON file.</summary>
    /// <exception cref="InvalidDataException">The file is not a line map.</exception>
    public static BatchLineMap Open(string lineMapPath)
    {
        var handle = File.OpenHandle(lineMapPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            var length = RandomAccess.GetLength(handle);
            Span<byte> footer = stackalloc byte[FooterSize];
            Span<byte> magic = stackalloc byte[8];
            if (length < Magic.Length + 4 + FooterSize
                || RandomAccess.Read(handle, magic, 0) != 8
                || !magic.SequenceEqual(Magic)
                || RandomAccess.Read(handle, footer, length - FooterSize) != FooterSize)
            {
                throw new InvalidDataException("Not a GongCrmBridge line map.");
            }

            var count = BinaryPrimitives.ReadInt32LittleEndian(footer);
            var indexOffset = BinaryPrimitives.ReadInt64LittleEndian(footer[4..]);
            var header = new byte[(int)Math.Min(indexOffset, 1 << 20)];
            RandomAccess.Read(handle, header, 0);
            var position = Magic.Length;
            var sourceCount = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(position));
            position += 4;
            var sources = new string[sourceCount];
            for (var i = 0; i < sourceCount; i++)
            {
                var byteCount = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(position));
                sources[i] = Encoding.UTF8.GetString(header, position + 4, byteCount);
                position += 4 + byteCount;
            }

            return new BatchLineMap(handle, sources, count, indexOffset, position);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Returns the origin of 1-based <paramref name="line"/> of the LDJSON file.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is not between 1 and <see cref="Count"/>.</exception>
    public BatchLineOrigin Resolve(int line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(line, Count);
        Span<byte> offset = stackalloc byte[8];
        RandomAccess.Read(_handle, offset, _indexOffset + ((line - 1) * 8L));
        return ReadEntry(BinaryPrimitives.ReadInt64LittleEndian(offset));
    }

    /// <summary>Returns the origin of every line, in line order, reading the file sequentially in large blocks.</summary>
    public IEnumerable<BatchLineOrigin> All()
    {
        var buffer = new byte[64 * 1024];
        long position = _firstEntryOffset; // file offset of buffer[0]
        int start = 0, length = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!Buffered(EntryHeaderSize) || !Buffered(EntrySize(buffer.AsSpan(start, EntryHeaderSize))))
            {
                throw new InvalidDataException("The line map is truncated.");
            }

            var size = EntrySize(buffer.AsSpan(start, EntryHeaderSize));
            yield return Decode(buffer.AsSpan(start, size));
            start += size;
            length -= size;
        }

        bool Buffered(int bytes)
        {
            if (length >= bytes)
            {
                return true;
            }

            if (bytes > buffer.Length)
            {
                Array.Resize(ref buffer, bytes);
            }

            buffer.AsSpan(start, length).CopyTo(buffer);
            position += start;
            start = 0;
            while (length < bytes)
            {
                var read = RandomAccess.Read(_handle, buffer.AsSpan(length), position + length);
                if (read == 0)
                {
                    return false;
                }

                length += read;
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    /// <summary>The size of an entry (header and objectId) from its header: source i32, line i64, objectId length i32.</summary>
    private static int EntrySize(ReadOnlySpan<byte> header) => EntryHeaderSize + BinaryPrimitives.ReadInt32LittleEndian(header[12..]);

    private BatchLineOrigin ReadEntry(long offset)
    {
        Span<byte> header = stackalloc byte[EntryHeaderSize];
        RandomAccess.Read(_handle, header, offset);
        var size = EntrySize(header);
        Span<byte> entry = size <= 512 ? stackalloc byte[size] : new byte[size];
        RandomAccess.Read(_handle, entry, offset);
        return Decode(entry);
    }

    private BatchLineOrigin Decode(ReadOnlySpan<byte> entry) => new(
        _sources[BinaryPrimitives.ReadInt32LittleEndian(entry)],
        BinaryPrimitives.ReadInt64LittleEndian(entry[4..]),
        Encoding.UTF8.GetString(entry[EntryHeaderSize..]));
}
