using System.Buffers;

namespace GongCrmBridge.Mapping;

/// <summary>A growable byte buffer for <see cref="System.Text.Json.Utf8JsonWriter"/> that can forget a record
/// written in part (when it is rejected half-way).</summary>
internal sealed class JsonBuffer : IBufferWriter<byte>
{
    private readonly bool _pooled;
    private byte[] _bytes;

    public JsonBuffer(int capacity) => _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(256, capacity));

    /// <summary>Initializes a buffer whose array is rented from <see cref="ArrayPool{T}.Shared"/>: hand it on with
    /// <see cref="DetachPooledArray"/>, whose taker returns it.</summary>
    public JsonBuffer(int capacity, bool pooled)
    {
        _pooled = pooled;
        _bytes = pooled ? ArrayPool<byte>.Shared.Rent(Math.Max(256, capacity)) : GC.AllocateUninitializedArray<byte>(Math.Max(256, capacity));
    }

    /// <summary>Gets the number of bytes written.</summary>
    public int WrittenCount { get; private set; }

    /// <summary>Gets the bytes written.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _bytes.AsMemory(0, WrittenCount);

    /// <inheritdoc />
    public void Advance(int count) => WrittenCount += count;

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsMemory(WrittenCount);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsSpan(WrittenCount);
    }

    /// <summary>Gives up the (pooled) array: the caller returns it to the pool; the buffer must not be used after.</summary>
    public byte[] DetachPooledArray()
    {
        var bytes = _bytes;
        _bytes = [];
        WrittenCount = 0;
        return bytes;
    }

    /// <summary>Drops everything written after <paramref name="length"/> bytes.</summary>
    public void Truncate(int length) => WrittenCount = length;

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 256);
        if (_bytes.Length - WrittenCount >= sizeHint)
        {
            return;
        }

        var length = Math.Max(_bytes.Length * 2, WrittenCount + sizeHint);
        var bigger = _pooled ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
        _bytes.AsSpan(0, WrittenCount).CopyTo(bigger);
        if (_pooled && _bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
        }

        _bytes = bigger;
    }
}
