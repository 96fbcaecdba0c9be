using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Mapping;

/// <summary>Ids a record points at, kept for the job-wide referential checks (warnings, not rejections).</summary>
/// <param name="AccountId">CONTACT/DEAL <c>accountId</c>.</param>
/// <param name="OwnerId">DEAL <c>ownerId</c> (a BUSINESS_USER objectId).</param>
/// <param name="Stage">DEAL <c>stage</c> (a STAGE objectId).</param>
public readonly record struct RecordReferences(string? AccountId, string? OwnerId, string? Stage);

/// <summary>A record that passed mapping and validation, ready to be written into an LDJSON file.</summary>
/// <param name="ModifiedUtcTicks">Its <c>modifiedDate</c> in UTC ticks: the sort key inside a file and across versions.</param>
/// <param name="Line">1-based physical line in the source export.</param>
/// <param name="JsonOffset">Where the record's JSON object (UTF-8, no line break) starts in <see cref="MappedChunk.Json"/>.</param>
/// <param name="JsonLength">Its length in bytes.</param>
/// <param name="ObjectIdOffset">Where the record's objectId (UTF-8) starts in <see cref="MappedChunk.ObjectIds"/>.</param>
/// <param name="ObjectIdLength">Its length in bytes.</param>
/// <param name="References">Ids it points at, for the referential checks.</param>
/// <remarks>The objectId is kept as bytes beside the JSON rather than as a string per record: what reads it (the
/// batcher's hashes and line maps, the referential checks) wants UTF-8, and a string per record was three quarters of
/// everything a run allocated. <see cref="MappedChunk.ObjectIdOf"/> makes the string where one is needed.</remarks>
public readonly record struct MappedRecord(
    long ModifiedUtcTicks,
    long Line,
    int JsonOffset,
    int JsonLength,
    int ObjectIdOffset,
    int ObjectIdLength,
    RecordReferences References);

/// <summary>The outcome of mapping one <see cref="Sources.SourceChunk"/>: valid records as JSON, and rejections.</summary>
/// <remarks>Records keep source order. <c>Records.Count + Rejections.Count == ReadCount</c>.</remarks>
public sealed class MappedChunk
{
    private MappedRecord[]? _pooledRecords;
    private byte[]? _pooledJson;
    private byte[]? _pooledObjectIds;

    /// <summary>Initializes a new instance of the <see cref="MappedChunk"/> class.</summary>
    public MappedChunk(
        CrmObjectType objectType,
        string sourcePath,
        int readCount,
        IReadOnlyList<MappedRecord> records,
        ReadOnlyMemory<byte> json,
        ReadOnlyMemory<byte> objectIds,
        IReadOnlyList<Rejection> rejections)
    {
        ObjectType = objectType;
        SourcePath = sourcePath;
        ReadCount = readCount;
        Records = records;
        Json = json;
        ObjectIds = objectIds;
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
        byte[] pooledObjectIds,
        int objectIdsLength,
        IReadOnlyList<Rejection> rejections)
        : this(
            objectType,
            sourcePath,
            readCount,
            new ArraySegment<MappedRecord>(pooledRecords, 0, recordCount),
            pooledJson.AsMemory(0, jsonLength),
            pooledObjectIds.AsMemory(0, objectIdsLength),
            rejections)
    {
        _pooledRecords = pooledRecords;
        _pooledJson = pooledJson;
        _pooledObjectIds = pooledObjectIds;
    }

    /// <summary>Builds a chunk of whole records (tests, tools): their JSON and objectIds are copied into the chunk.</summary>
    public static MappedChunk FromRecords(
        CrmObjectType objectType,
        string sourcePath,
        IReadOnlyList<(string ObjectId, long ModifiedUtcTicks, long Line, string Json, RecordReferences References)> records,
        int? readCount = null,
        IReadOnlyList<Rejection>? rejections = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var json = new ArrayBufferWriter<byte>();
        var ids = new ArrayBufferWriter<byte>();
        var mapped = new List<MappedRecord>(records.Count);
        foreach (var (objectId, ticks, line, text, references) in records)
        {
            var (jsonOffset, idOffset) = (json.WrittenCount, ids.WrittenCount);
            var jsonLength = Encoding.UTF8.GetBytes(text.AsSpan(), json);
            var idLength = Encoding.UTF8.GetBytes(objectId.AsSpan(), ids);
            mapped.Add(new MappedRecord(ticks, line, jsonOffset, (int)jsonLength, idOffset, (int)idLength, references));
        }

        rejections ??= [];
        return new MappedChunk(
            objectType, sourcePath, readCount ?? records.Count + rejections.Count, mapped, json.WrittenMemory, ids.WrittenMemory, rejections);
    }

    /// <summary>Gets the object type of every record.</summary>
    public CrmObjectType ObjectType { get; }

    /// <summary>Gets the export the records were read from.</summary>
    public string SourcePath { get; }

    /// <summary>Gets how many source records this chunk accounts for.</summary>
    public int ReadCount { get; }

    /// <summary>Gets the valid records, in source order.</summary>
    public IReadOnlyList<MappedRecord> Records { get; private set; }

    /// <summary>Gets the UTF-8 JSON of every valid record, back to back.</summary>
    public ReadOnlyMemory<byte> Json { get; private set; }

    /// <summary>Gets the UTF-8 objectId of every valid record, back to back.</summary>
    public ReadOnlyMemory<byte> ObjectIds { get; private set; }

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
        var objectIds = _pooledObjectIds;
        _pooledRecords = null;
        _pooledJson = null;
        _pooledObjectIds = null;
        if (records is null || json is null || objectIds is null)
        {
            return;
        }

        Records = [];
        Json = ReadOnlyMemory<byte>.Empty;
        ObjectIds = ReadOnlyMemory<byte>.Empty;
        ArrayPool<MappedRecord>.Shared.Return(records, clearArray: true); // References hold strings
        ArrayPool<byte>.Shared.Return(json);
        ArrayPool<byte>.Shared.Return(objectIds);
    }

    /// <summary>Returns the JSON object of <paramref name="record"/>.</summary>
    public ReadOnlySpan<byte> JsonOf(in MappedRecord record) => Json.Span.Slice(record.JsonOffset, record.JsonLength);

    /// <summary>Returns the objectId of <paramref name="record"/> as UTF-8.</summary>
    public ReadOnlySpan<byte> ObjectIdUtf8(in MappedRecord record) => ObjectIds.Span.Slice(record.ObjectIdOffset, record.ObjectIdLength);

    /// <summary>Returns the objectId of <paramref name="record"/>.</summary>
    public string ObjectIdOf(in MappedRecord record) => Encoding.UTF8.GetString(ObjectIdUtf8(record));
}
