using System.IO.Hashing;
using System.Text.Json;

namespace GongCrmBridge.State;

/// <summary>The content hash of a record as it is sent to Gong, <c>modifiedDate</c> excluded: two exports of an
/// unchanged record hash the same even when the CRM touched its modification time.</summary>
/// <remarks>
/// <para>Computed over the record's LDJSON bytes as our mapper writes them (objectId first, then modifiedDate, then
/// the fields in the mapping's order, one way to write each value), so the same record gives the same bytes and the
/// same hash in every run. A change of mapping changes the bytes, and the record is sent again: that is wanted.</para>
/// <para>Fast: the top-level <c>modifiedDate</c> property is found where the mapper writes it (second, after the
/// objectId) by two vectorized searches, or else by a <see cref="Utf8JsonReader"/>; then XxHash3 hashes the bytes
/// after it, and the bytes before it seeded with that. No allocation; figures in tests/GongCrmBridge.Benchmarks (<c>state</c>).</para>
/// </remarks>
internal static class RecordContentHash
{
    /// <summary>Returns the hash of <paramref name="json"/> (one JSON object, UTF-8), ignoring its top-level
    /// <c>modifiedDate</c>.</summary>
    public static ulong Of(ReadOnlySpan<byte> json)
    {
        var (start, end) = FindModifiedDate(json);
        if (start < 0)
        {
            return XxHash3.HashToUInt64(json);
        }

        // The long part unseeded, the short head (objectId) seeded with it: XxHash3 derives a whole secret from a seed
        // for inputs over 240 bytes, which cost more than the rest of the hash.
        var tail = XxHash3.HashToUInt64(json[end..]);
        return XxHash3.HashToUInt64(json[..start], unchecked((long)tail));
    }

    /// <summary>Returns where the top-level <c>"modifiedDate": value</c> lies, with the comma after it; (-1, -1) when
    /// the record has none or is not a JSON object.</summary>
    private static (int Start, int End) FindModifiedDate(ReadOnlySpan<byte> json)
    {
        var fast = FindModifiedDateAsWritten(json);
        return fast.Start >= 0 ? fast : FindModifiedDateByReading(json);
    }

    /// <summary>The mapper's layout, <c>{"objectId":"…","modifiedDate":"…",</c>, recognised without a JSON reader
    /// (two vectorized searches instead of a reader's token loop: most of the hash's cost); anything else, (-1, -1).
    /// It finds exactly what <see cref="FindModifiedDateByReading"/> finds: an unescaped <c>"</c> ends a JSON string,
    /// and a backslash anywhere in the id's end or in the date sends the record to the reader.</summary>
    internal static (int Start, int End) FindModifiedDateAsWritten(ReadOnlySpan<byte> json)
    {
        ReadOnlySpan<byte> head = "{\"objectId\":\""u8;
        ReadOnlySpan<byte> name = ",\"modifiedDate\":\""u8;
        if (!json.StartsWith(head))
        {
            return (-1, -1);
        }

        var idEnd = json[head.Length..].IndexOf((byte)'"') + head.Length;
        if (idEnd < head.Length || json[idEnd - 1] == (byte)'\\' || !json[(idEnd + 1)..].StartsWith(name))
        {
            return (-1, -1);
        }

        var valueStart = idEnd + 1 + name.Length;
        var valueLength = json[valueStart..].IndexOfAny((byte)'"', (byte)'\\');
        if (valueLength < 0 || json[valueStart + valueLength] != (byte)'"')
        {
            return (-1, -1);
        }

        var end = valueStart + valueLength + 1;
        return (idEnd + 2, end < json.Length && json[end] == (byte)',' ? end + 1 : end);
    }

    internal static (int Start, int End) FindModifiedDateByReading(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (-1, -1);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var start = (int)reader.TokenStartIndex;
                var isModifiedDate = reader.ValueTextEquals("modifiedDate"u8);
                reader.Read();
                if (isModifiedDate)
                {
                    var end = (int)reader.BytesConsumed;
                    return (start, end < json.Length && json[end] == (byte)',' ? end + 1 : end);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the whole bytes are hashed, the same way every time.
        }

        return (-1, -1);
    }
}
