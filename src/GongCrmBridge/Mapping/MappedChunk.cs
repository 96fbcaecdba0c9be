using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Outcomes;

namespace GongCrmBridge.Mapping;

/// <summary>Where an id lies, as UTF-8, in <see cref="MappedChunk.Ids"/>; empty when the record has none.</summary>
/// <param name="Offset">Where the id starts.</param>
/// <param name="Length">Its length in bytes.</param>
internal readonly record struct IdRange(int Offset, int Length)
{
    /// <summary>Gets a value indicating whether there is no id.</summary>
    public bool IsEmpty => Length == 0;
}

/// <summary>Ids a record points at, kept for the job-wide referential checks (warnings, not rejections).</summary>
/// <param name="AccountId">CONTACT/DEAL <c>accountId</c>.</param>
/// <param name="OwnerId">DEAL <c>ownerId</c> (a BUSINESS_USER objectId).</param>
/// <param name="Stage">DEAL <c>stage</c> (a STAGE objectId).</param>
internal readonly record struct RecordReferences(IdRange AccountId, IdRange OwnerId, IdRange Stage);

/// <summary>A record that passed mapping and validation, ready to be written into an LDJSON file.</summary>
/// <param name="ModifiedUtcTicks">Its <c>modifiedDate</c> in UTC ticks: the sort key inside a file and across versions.</param>
/// <param name="Line">1-based physical line in the source export.</param>
/// <param name="JsonOffset">Where the record's JSON object (UTF-8, no line break) starts in <see cref="MappedChunk.Json"/>.</param>
/// <param name="JsonLength">Its length in bytes.</param>
/// <param name="ObjectId">Where the record's objectId lies in <see cref="MappedChunk.Ids"/>.</param>
/// <param name="References">Ids it points at, for the referential checks.</param>
/// <remarks>Ids are kept as UTF-8 bytes beside the JSON rather than as strings per record: what reads them (the
/// batcher's hashes and line maps, the referential checks) wants UTF-8, and the objectId string made per record was
/// three quarters of everything a run allocated. <see cref="MappedChunk.IdOf"/> makes a string where one is needed.</remarks>
internal readonly record struct MappedRecord(
    long ModifiedUtcTicks,
    long Line,
    int JsonOffset,
    int JsonLength,
    IdRange ObjectId,
    RecordReferences References);

/// <summary>The outcome of mapping one <see cref="Sources.SourceChunk"/>: valid records as JSON, and rejections.</summary>
/// <remarks>Records keep source order. <c>Records.Count + Rejections.Count + Skipped == ReadCount</c>.</remarks>
internal sealed class MappedChunk
{
    private MappedRecord[]? _pooledRecords;
    private byte[]? _pooledJson;
    private byte[]? _pooledIds;

    /// <summary>Initializes a new instance of the <see cref="MappedChunk"/> class.</summary>
    public MappedChunk(
        CrmObjectType objectType,
        string sourcePath,
        int readCount,
        IReadOnlyList<MappedRecord> records,
        ReadOnlyMemory<byte> json,
        ReadOnlyMemory<byte> ids,
        IReadOnlyList<Rejection> rejections)
    {
        ObjectType = objectType;
        SourcePath = sourcePath;
        ReadCount = readCount;
        Records = records;
        Json = json;
        Ids = ids;
        Rejections = rejections;
    }

    /// <summary>Initializes a chunk over arrays rented from <see cref="ArrayPool{T}.Shared"/>, given back by
    /// <see cref="ReturnBuffers"/>.</summary>
    internal MappedChunk(
        CrmObjectType objectType,
        string sourcePath,
        int readCount,
        MappedRecord[] pooledRecords,
        int recordCount,
        byte[] pooledJson,
        int jsonLength,
        byte[] pooledIds,
        int idsLength,
        IReadOnlyList<Rejection> rejections)
        : this(
            objectType,
            sourcePath,
            readCount,
            new ArraySegment<MappedRecord>(pooledRecords, 0, recordCount),
            pooledJson.AsMemory(0, jsonLength),
            pooledIds.AsMemory(0, idsLength),
            rejections)
    {
        _pooledRecords = pooledRecords;
        _pooledJson = pooledJson;
        _pooledIds = pooledIds;
    }

    /// <summary>Gets the object type of every record.</summary>
    public CrmObjectType ObjectType { get; }

    /// <summary>Gets what the mapping observed for the warnings, including the rows <c>where</c> skipped.</summary>
    public MappingStats Stats { get; init; } = new(0);

    /// <summary>Gets the values left out of valid records (<c>onInvalid: omit</c>).</summary>
    public IReadOnlyList<Outcomes.FieldIssue> FieldIssues { get; init; } = [];

    /// <summary>Gets the rows <c>where</c> skipped.</summary>
    public int Skipped => Stats.Skipped;

    /// <summary>Gets the export the records were read from.</summary>
    public string SourcePath { get; }

    /// <summary>Gets how many source records this chunk accounts for.</summary>
    public int ReadCount { get; }

    /// <summary>Gets the valid records, in source order.</summary>
    public IReadOnlyList<MappedRecord> Records { get; private set; }

    /// <summary>Gets the UTF-8 JSON of every valid record, back to back.</summary>
    public ReadOnlyMemory<byte> Json { get; private set; }

    /// <summary>Gets the ids of every valid record (its objectId and the ids it points at) as UTF-8, back to back.</summary>
    public ReadOnlyMemory<byte> Ids { get; private set; }

    /// <summary>Gets the rejected records.</summary>
    public IReadOnlyList<Rejection> Rejections { get; }

    /// <summary>Gets the valid records as a span (no interface call per record).</summary>
    internal ReadOnlySpan<MappedRecord> RecordSpan => Records switch
    {
        ArraySegment<MappedRecord> segment => segment,
        MappedRecord[] array => array,
        List<MappedRecord> list => CollectionsMarshal.AsSpan(list),
        var other => other.ToArray(),
    };

    /// <summary>Gives the pooled buffers back; the chunk holds no record afterwards. Call only when nothing reads the
    /// chunk any more (the pipeline does once the consumer has returned).</summary>
    internal void ReturnBuffers()
    {
        var records = _pooledRecords;
        var json = _pooledJson;
        var ids = _pooledIds;
        _pooledRecords = null;
        _pooledJson = null;
        _pooledIds = null;
        if (records is null || json is null || ids is null)
        {
            return;
        }

        Records = [];
        Json = ReadOnlyMemory<byte>.Empty;
        Ids = ReadOnlyMemory<byte>.Empty;
        ArrayPool<MappedRecord>.Shared.Return(records);
        ArrayPool<byte>.Shared.Return(json);
        ArrayPool<byte>.Shared.Return(ids);
    }

    /// <summary>Returns the id at <paramref name="range"/> as UTF-8.</summary>
    public ReadOnlySpan<byte> IdUtf8(IdRange range) => Ids.Span.Slice(range.Offset, range.Length);

    /// <summary>Returns the id at <paramref name="range"/>, or null when the range is empty.</summary>
    public string? IdOf(IdRange range) => range.IsEmpty ? null : Encoding.UTF8.GetString(IdUtf8(range));

    /// <summary>Returns the objectId of <paramref name="record"/>.</summary>
    public string ObjectIdOf(in MappedRecord record) => IdOf(record.ObjectId)!;
}
