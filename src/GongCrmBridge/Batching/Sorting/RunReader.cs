using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching.Sorting;

/// <summary>Reads one sorted run sequentially through its own buffer.</summary>
internal sealed class RunReader
{
    private readonly SafeFileHandle _handle;
    private readonly long _end;
    private long _position;
    private byte[] _buffer;
    private int _start;
    private int _length;
    private int _recordSize;

    public RunReader(SafeFileHandle handle, SortedRun run, int bufferSize)
    {
        _handle = handle;
        _position = run.Offset;
        _end = run.Offset + run.Length;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    public SortKey Key { get; private set; }

    public SpillRecord Current => SpillRecord.Read(_buffer.AsSpan(_start, _recordSize));

    public bool MoveNext()
    {
        _start += _recordSize;
        _length -= _recordSize;
        _recordSize = 0;
        if (!Ensure(SpillRecord.HeaderSize))
        {
            return false;
        }

        var size = SpillRecord.ReadSize(_buffer.AsSpan(_start, SpillRecord.HeaderSize));
        if (!Ensure(size))
        {
            throw new InvalidDataException("A temporary sort file is truncated.");
        }

        _recordSize = size;
        var record = Current;
        Key = new SortKey(record.Ticks, record.Seq);
        return true;
    }

    /// <summary>Gives the read buffer back to the pool (read buffers are large-object-heap sized, one per run of
    /// every merge); the reader must not be used after.</summary>
    public void ReturnBuffer()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool Ensure(int bytes)
    {
        if (_length >= bytes)
        {
            return true;
        }

        if (_position >= _end)
        {
            return false;
        }

        if (bytes > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(bytes, _buffer.Length * 2));
            _buffer.AsSpan(_start, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else
        {
            _buffer.AsSpan(_start, _length).CopyTo(_buffer);
        }

        _start = 0;
        while (_length < bytes && _position < _end)
        {
            var toRead = (int)Math.Min(_buffer.Length - _length, _end - _position);
            var read = RandomAccess.Read(_handle, _buffer.AsSpan(_length, toRead), _position);
            if (read == 0)
            {
                throw new InvalidDataException("A temporary sort file is truncated.");
            }

            _position += read;
            _length += read;
        }

        return _length >= bytes;
    }
}
