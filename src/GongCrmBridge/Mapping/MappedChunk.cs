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

    /// <summary>Gets the object type of every record.</summary>
    public CrmObjectType ObjectType { get; }

    /// <summary>Gets the export the records were read from.</summary>
    public string SourcePath { get; }

    /// <summary>Gets how many source records this chunk accounts for.</summary>
    public int ReadCount { get; }

    /// <summary>Gets the valid records, in source order.</summary>
    public IReadOnlyList<MappedRecord> Records { get; }

    /// <summary>Gets the UTF-8 JSON of every valid record, back to back.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>Gets the rejected records.</summary>
    public IReadOnlyList<Rejection> Rejections { get; }

    /// <summary>Returns the JSON object of <paramref name="record"/>.</summary>
    public ReadOnlySpan<byte> JsonOf(in MappedRecord record) => Json.Span.Slice(record.JsonOffset, record.JsonLength);
}
