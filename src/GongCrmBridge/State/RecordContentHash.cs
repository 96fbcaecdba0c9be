using System.IO.Hashing;
using System.Text.Json;

namespace GongCrmBridge.State;

/// <summary>The content hash of a record as it is sent to Gong, <c>modifiedDate</c> excluded: two exports of an
/// unchanged record hash the same even when the CRM touched its modification time.</summary>
/// <remarks>
/// <para>Computed over the record's LDJSON bytes as our mapper writes them (objectId first, then modifiedDate, then
/// the fields in the mapping's order, one way to write each value), so the same record gives the same bytes and the
/// same hash in every run. A change of mapping changes the bytes, and the record is sent again: that is wanted.</para>
/// <para>Fast: a <see cref="Utf8JsonReader"/> reads only up to the top-level <c>modifiedDate</c> property (the second
/// one, as the mapper writes records), then XxHash3 hashes the bytes before it and after it, chained by seed. No
/// allocation; ~100 ns for a 300-byte record on one core (tests/GongCrmBridge.Benchmarks, <c>state</c>).</para>
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

        var head = XxHash3.HashToUInt64(json[..start]);
        return XxHash3.HashToUInt64(json[end..], unchecked((long)head));
    }

    /// <summary>Returns where the top-level <c>"modifiedDate": value</c> lies, with the comma after it; (-1, -1) when
    /// the record has none or is not a JSON object.</summary>
    private static (int Start, int End) FindModifiedDate(ReadOnlySpan<byte> json)
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
