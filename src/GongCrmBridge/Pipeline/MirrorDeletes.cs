using System.Globalization;
using System.Text;
using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Outcomes;

namespace GongCrmBridge.Pipeline;

/// <summary>What mirror mode decided for one object type: the deletes to send, or why they are withheld.</summary>
/// <param name="ObjectType">The type.</param>
/// <param name="Tracked">Objects of the type the state says Gong accepted from this tool.</param>
/// <param name="Gone">How many of them this run's export no longer holds.</param>
/// <param name="WithheldBecause">Why no delete of the type is sent, or null when they are.</param>
internal sealed record DeleteDecision(CrmObjectType ObjectType, long Tracked, long Gone, string? WithheldBecause)
{
    /// <summary>Decides for one type (SPEC.md, "Mirror"): no delete when the export read nothing (an empty or
    /// truncated export must not wipe Gong), nor when the deletes exceed <paramref name="maxDeletePercent"/> of the
    /// tracked objects unless <paramref name="allowDeletes"/>.</summary>
    public static DeleteDecision For(CrmObjectType type, long tracked, long gone, long read, double maxDeletePercent, bool allowDeletes)
    {
        string? reason = null;
        if (gone > 0 && read == 0)
        {
            reason = "the export read no record (an empty or failed export never deletes; --allow-deletes does not lift this)";
        }
        else if (gone > 0 && !allowDeletes && gone > tracked * maxDeletePercent / 100)
        {
            reason = string.Create(
                CultureInfo.InvariantCulture,
                $"{gone} of {tracked} tracked objects ({100.0 * gone / tracked:0.#}%) would be deleted, more than options.maxDeletePercent ({maxDeletePercent:0.#}%); re-run with --allow-deletes if this is intended");
        }

        return new DeleteDecision(type, tracked, gone, reason);
    }
}

/// <summary>Writes the deletes of one type as LDJSON files through the regular batcher (size limit, line maps):
/// <c>{"objectId":…,"modifiedDate":run start,"isDeleted":true}</c>, Gong's documented delete (whole seconds: Gong
/// refuses fractional ones).</summary>
internal static class MirrorDeletes
{
    private const int RecordsPerChunk = 10_000;

    public static async Task<IReadOnlyList<BatchFile>> WriteAsync(
        CrmObjectType type, IEnumerable<string> objectIds, DateTimeOffset runStart, string workDirectory, long maxFileBytes, CancellationToken cancellationToken)
    {
        var modified = runStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var batcher = new LdjsonBatcher(type, new BatchingOptions { WorkDirectory = workDirectory, MaxFileBytes = maxFileBytes });
        await using (batcher.ConfigureAwait(false))
        {
            var chunk = new List<string>(RecordsPerChunk);
            foreach (var id in objectIds)
            {
                chunk.Add(id);
                if (chunk.Count == RecordsPerChunk)
                {
                    await batcher.AddAsync(Chunk(type, chunk, modified, runStart.UtcTicks), cancellationToken).ConfigureAwait(false);
                    chunk.Clear();
                }
            }

            if (chunk.Count > 0)
            {
                await batcher.AddAsync(Chunk(type, chunk, modified, runStart.UtcTicks), cancellationToken).ConfigureAwait(false);
            }

            return await batcher.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static MappedChunk Chunk(CrmObjectType type, List<string> ids, string modified, long ticks)
    {
        var json = new StringBuilder();
        var idBytes = new List<byte>();
        var records = new List<MappedRecord>(ids.Count);
        var jsonOffset = 0;
        foreach (var id in ids)
        {
            var line = "{\"objectId\":" + "\"" + System.Text.Json.JsonEncodedText.Encode(id).Value + "\"" +
                ",\"modifiedDate\":\"" + modified + "\",\"isDeleted\":true}";
            json.Append(line);
            var lineBytes = Encoding.UTF8.GetByteCount(line);
            var utf8Id = Encoding.UTF8.GetBytes(id);
            records.Add(new MappedRecord(ticks, 0, jsonOffset, lineBytes, new IdRange(idBytes.Count, utf8Id.Length), default));
            idBytes.AddRange(utf8Id);
            jsonOffset += lineBytes;
        }

        return new MappedChunk(type, "(mirror delete)", ids.Count, records, Encoding.UTF8.GetBytes(json.ToString()), idBytes.ToArray(), Array.Empty<Rejection>());
    }
}
