using System.Collections.Concurrent;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.State;

namespace GongCrmBridge.Pipeline;

/// <summary>The incremental check of a run with a state (SPEC.md, "Incremental"): drops the records Gong already has
/// as they are, and marks every objectId the export still holds as seen, for mirror deletes.</summary>
/// <remarks>
/// The index of a type is loaded once, on first use, from the state's snapshot (milliseconds for a million objects)
/// and kept until the run's deletes are decided. A rejected record with an objectId is marked seen: it is still in
/// the export, so it must never be deleted; its tracked hash is left alone, so it is sent again once fixed.
/// With <c>--full</c> every record is checked (and so marked seen) but none is dropped.
/// </remarks>
internal sealed class IncrementalFilter(Func<CrmObjectType, TrackedObjectIndex> load, bool sendAll)
{
    private readonly ConcurrentDictionary<CrmObjectType, TrackedObjectIndex> _indexes = new();
    private readonly ConcurrentDictionary<CrmObjectType, long> _unchanged = new();

    /// <summary>Returns how many records of <paramref name="type"/> were found unchanged (and dropped) so far.</summary>
    public long UnchangedOf(CrmObjectType type) => _unchanged.GetValueOrDefault(type);

    /// <summary>Returns the index of <paramref name="type"/>, loading it on first use.</summary>
    public TrackedObjectIndex IndexOf(CrmObjectType type) => _indexes.GetOrAdd(type, load);

    /// <summary>Returns the records of <paramref name="chunk"/> to send (all of them with <c>--full</c>); the others are
    /// counted in <see cref="UnchangedOf"/>.</summary>
    public MappedChunk Filter(MappedChunk chunk)
    {
        var index = IndexOf(chunk.ObjectType);
        foreach (var rejection in chunk.Rejections)
        {
            if (!string.IsNullOrEmpty(rejection.ObjectId))
            {
                index.MarkSeen(ObjectKey.Of(rejection.ObjectId));
            }
        }

        var records = chunk.RecordSpan;
        List<MappedRecord>? changed = null;
        var unchanged = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            var lookup = index.Check(
                ObjectKey.Of(chunk.IdUtf8(record.ObjectId)),
                RecordContentHash.Of(chunk.Json.Span.Slice(record.JsonOffset, record.JsonLength)));
            if (lookup != TrackedLookup.Unchanged || sendAll)
            {
                changed?.Add(record);
                continue;
            }

            if (changed is null)
            {
                // The first unchanged record: copy what came before it, then keep only the records to send.
                changed = new List<MappedRecord>(records.Length);
                changed.AddRange(records[..i]);
            }

            unchanged++;
        }

        if (changed is null)
        {
            return chunk;
        }

        _unchanged.AddOrUpdate(chunk.ObjectType, unchanged, (_, sum) => sum + unchanged);
        return new MappedChunk(chunk.ObjectType, chunk.SourcePath, chunk.ReadCount - unchanged, changed, chunk.Json, chunk.Ids, chunk.Rejections);
    }
}
