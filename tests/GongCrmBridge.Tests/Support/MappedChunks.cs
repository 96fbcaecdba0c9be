using System.Buffers;
using System.Text;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Outcomes;

namespace GongCrmBridge.Tests;

/// <summary>The ids a record points at, as text, for <see cref="MappedChunks.FromRecords"/>.</summary>
/// <param name="AccountId">CONTACT/DEAL <c>accountId</c>.</param>
/// <param name="OwnerId">DEAL <c>ownerId</c>.</param>
/// <param name="Stage">DEAL <c>stage</c>.</param>
internal readonly record struct ReferenceIds(string? AccountId = null, string? OwnerId = null, string? Stage = null);

/// <summary>Hand-built <see cref="MappedChunk"/>s for tests of what consumes them (batching, referential checks),
/// without a mapping file. Only tests build chunks this way; the pipeline gets them from
/// <see cref="CompiledMapping.Map"/>.</summary>
internal static class MappedChunks
{
    extension(MappedChunk)
    {
        /// <summary>Builds a chunk of whole records: their JSON and ids are copied into the chunk.</summary>
        public static MappedChunk FromRecords(
            CrmObjectType objectType,
            string sourcePath,
            IReadOnlyList<(string ObjectId, long ModifiedUtcTicks, long Line, string Json, ReferenceIds References)> records,
            int? readCount = null,
            IReadOnlyList<Rejection>? rejections = null)
        {
            var json = new ArrayBufferWriter<byte>();
            var ids = new ArrayBufferWriter<byte>();
            var mapped = new List<MappedRecord>(records.Count);
            foreach (var (objectId, ticks, line, text, references) in records)
            {
                var jsonOffset = json.WrittenCount;
                var jsonLength = Encoding.UTF8.GetBytes(text.AsSpan(), json);
                mapped.Add(new MappedRecord(
                    ticks,
                    line,
                    jsonOffset,
                    (int)jsonLength,
                    Append(objectId),
                    new RecordReferences(Append(references.AccountId), Append(references.OwnerId), Append(references.Stage))));
            }

            IdRange Append(string? id) => new(ids.WrittenCount, (int)Encoding.UTF8.GetBytes(id.AsSpan(), ids));

            rejections ??= [];
            return new MappedChunk(
                objectType, sourcePath, readCount ?? records.Count + rejections.Count, mapped, json.WrittenMemory, ids.WrittenMemory, rejections);
        }
    }

    /// <summary>Returns the JSON object of <paramref name="record"/>.</summary>
    public static ReadOnlySpan<byte> JsonOf(this MappedChunk chunk, in MappedRecord record) =>
        chunk.Json.Span.Slice(record.JsonOffset, record.JsonLength);
}
