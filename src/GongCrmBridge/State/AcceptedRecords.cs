using System.Text.Json;

namespace GongCrmBridge.State;

/// <summary>Reads back an uploaded LDJSON file as the objects Gong accepted from it, for
/// <see cref="TrackedObjects.Upsert"/>: objectId, content hash and modifiedDate of every line Gong did not reject.</summary>
/// <remarks>Reads the very bytes that were sent, so the hash stored is the hash of what Gong has; the incremental
/// check hashes the mapper's bytes for the same record, which the batcher writes unchanged. Streams the file through
/// one buffer: memory does not grow with it.</remarks>
internal static class AcceptedRecords
{
    private const int BufferBytes = 1 << 20;

    /// <summary>Returns the objects of <paramref name="ldjsonPath"/> except the 1-based lines in
    /// <paramref name="rejectedLines"/>.</summary>
    public static IEnumerable<TrackedObject> Read(string ldjsonPath, IReadOnlySet<int>? rejectedLines = null)
    {
        using var stream = new FileStream(ldjsonPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[BufferBytes];
        int start = 0, end = 0, line = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    (end, start) = (end - start, 0);
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read > 0)
                {
                    end += read;
                    continue;
                }

                if (end == start)
                {
                    yield break;
                }

                newline = end - start; // the last line has no line break
            }

            var record = buffer.AsMemory(start, newline);
            start += Math.Min(newline + 1, end - start);
            line++;
            if (!record.Span.Trim((byte)'\r').IsEmpty && rejectedLines?.Contains(line) != true)
            {
                yield return ToTracked(record.Span.TrimEnd((byte)'\r'));
            }
        }
    }

    /// <summary>Returns a record's objectId, content hash and modifiedDate.</summary>
    internal static TrackedObject ToTracked(ReadOnlySpan<byte> json)
    {
        string? objectId = null;
        DateTimeOffset? modified = null;
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (objectId is null || modified is null))
        {
            if (reader.ValueTextEquals("objectId"u8))
            {
                reader.Read();
                objectId = reader.GetString();
            }
            else if (reader.ValueTextEquals("modifiedDate"u8))
            {
                reader.Read();
                modified = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var at) ? at : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new TrackedObject(
            objectId ?? throw new InvalidDataException("An uploaded record has no objectId; the batch file is damaged."),
            RecordContentHash.Of(json),
            modified);
    }
}
