using System.Buffers;
using System.Runtime.InteropServices;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Mapping;

/// <summary>Ids a record points at, kept for the job-wide referential checks (warnings, not rejections).</summary>
/// <param name="AccountId">CONTACT/DEAL <c>accountId</c>.</param>
/// <param name="OwnerId">DEAL <c>ownerId</c> (a BUSINESS_USER objectId).</param>
/// <param name="Stage">DEAL <c>stage</c> (a STAGE objectId).</param>
public readonly record struct RecordReferences(string? AccountId, string? OwnerId, string? Stage);

/// <summary>A record that passed mapping and validation, ready to be written into an LDJSON file.</summary>
/// <param name="ObjectId">The record's objectId.</param>
/// <param name="ModifiedUtcTicks">Its <c>modifiedDate</c> in UTC ticks: the sort key inside a file and across versions.</param>
/// <param name="Line">1-based physical line in the source export.</param>
/// <param name="JsonOffset">Where the record's JSON object (UTF-8, no line break) starts in <see cref="MappedChunk.Json"/>.</param>
/// <param name="JsonLength">Its length in bytes.</param>
/// <param name="References">Ids it points at, for the referential checks.</param>
public readonly record struct MappedRecord(
    string ObjectId,
    long ModifiedUtcTicks,
    long Line,
    int JsonOffset,
    int JsonLength,
    RecordReferences References);

/// <summary>The outcome of mapping one <see cref="Sources.SourceChunk"/>: valid records as JSON, and rejections.</summary>
/// <remarks>Records keep source order. <c>Records.Count + Rejections.Count == ReadCount</c>.</remarks>
public sealed class MappedChunk
{
    private MappedRecord[]? _pooledRecords;
    private byte[]? _pooledJson;

    /// <summary>Initializes a new instance of the <see cref="MappedChunk"/> class.</summary>
    public MappedChunk(
        CrmObjectType objectType,
        string sourcePath,
        int readCount,
        IReadOnlyList<MappedRecord> records,
        ReadOnlyMemory<byte> json,
        IReadOnlyList<Rejection> rejections)
    {
        ObjectType = objectType;
        SourcePath = sourcePath;
        ReadCount = readCount;
        Records = records;
        Json = json;
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
        IReadOnlyList<Rejection> rejections)
        : this(objectType, sourcePath, readCount, new ArraySegment<MappedRecord>(pooledRecords, 0, recordCount), pooledJson.AsMemory(0, jsonLength), rejections)
    {
        _pooledRecords = pooledRecords;
        _pooledJson = pooledJson;
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
        _pooledRecords = null;
        _pooledJson = null;
        if (records is null || json is null)
        {
            return;
        }

        Records = [];
        Json = ReadOnlyMemory<byte>.Empty;
        ArrayPool<MappedRecord>.Shared.Return(records, clearArray: true);
        ArrayPool<byte>.Shared.Return(json);
    }

    /// <summary>Returns the JSON object of <paramref name="record"/>.</summary>
    public ReadOnlySpan<byte> JsonOf(in MappedRecord record) => Json.Span.Slice(record.JsonOffset, record.JsonLength);
}
