using System.Buffers.Binary;

namespace GongCrmBridge.Batching.Sorting;

/// <summary>One record in a temporary sort file: header, objectId (UTF-8) and JSON, back to back.</summary>
/// <remarks>Layout (little endian): ticks i64, seq i64, line i64, source i32, idLength i32, jsonLength i32, id, json.</remarks>
internal readonly ref struct SpillRecord
{
    public const int HeaderSize = 36;

    public SpillRecord(long ticks, long seq, long line, int source, ReadOnlySpan<byte> objectId, ReadOnlySpan<byte> json)
    {
        Ticks = ticks;
        Seq = seq;
        Line = line;
        Source = source;
        ObjectId = objectId;
        Json = json;
    }

    public long Ticks { get; }

    /// <summary>Arrival order across the batcher: the tie-breaker of the sort, and the record's identity.</summary>
    public long Seq { get; }

    public long Line { get; }

    public int Source { get; }

    public ReadOnlySpan<byte> ObjectId { get; }

    public ReadOnlySpan<byte> Json { get; }

    public int Size => HeaderSize + ObjectId.Length + Json.Length;

    public static int ReadSize(ReadOnlySpan<byte> header) =>
        HeaderSize + BinaryPrimitives.ReadInt32LittleEndian(header[28..]) + BinaryPrimitives.ReadInt32LittleEndian(header[32..]);

    public static SpillRecord Read(ReadOnlySpan<byte> bytes)
    {
        var idLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[28..]);
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[32..]);
        return new SpillRecord(
            BinaryPrimitives.ReadInt64LittleEndian(bytes),
            BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]),
            bytes.Slice(HeaderSize, idLength),
            bytes.Slice(HeaderSize + idLength, jsonLength));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, Ticks);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], Seq);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], Line);
        BinaryPrimitives.WriteInt32LittleEndian(destination[24..], Source);
        BinaryPrimitives.WriteInt32LittleEndian(destination[28..], ObjectId.Length);
        BinaryPrimitives.WriteInt32LittleEndian(destination[32..], Json.Length);
        ObjectId.CopyTo(destination[HeaderSize..]);
        Json.CopyTo(destination[(HeaderSize + ObjectId.Length)..]);
    }
}
