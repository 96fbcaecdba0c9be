using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Outcomes;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Mapping;

/// <summary>
/// A mapping file compiled once into a plan of small field writers. <see cref="Map"/> turns a chunk of source
/// records into Gong record JSON, checking Gong's rules on the way.
/// </summary>
/// <remarks>
/// Each record becomes one JSON object (no line break) with its keys in this order: <c>objectId</c>,
/// <c>modifiedDate</c>, <c>isDeleted</c> (when mapped and not empty), <c>url</c>, the standard fields in
/// mapping order, then the custom fields as top-level keys in mapping order. Empty values are left out
/// unless a <c>default</c> applies. The plan is immutable: <see cref="Map"/> may run on many threads at once.
/// </remarks>
public sealed class CompiledMapping
{
    private readonly FieldPlan[] _plans;
    private readonly FieldPlan? _requiredUnlessDeleted;
    private readonly IReadOnlyDictionary<string, ConfigurationProblem> _columnLocations;
    private readonly int _bytesPerRecordGuess;
    private readonly IReadOnlyList<CrmSchemaField> _customFields;

    internal CompiledMapping(
        CrmObjectType objectType,
        string mappingPath,
        IReadOnlyList<string> columns,
        IReadOnlyList<CrmSchemaField> customFields,
        FieldPlan[] plans,
        IReadOnlyDictionary<string, ConfigurationProblem> columnLocations)
    {
        ObjectType = objectType;
        MappingPath = mappingPath;
        Columns = columns;
        _customFields = customFields;
        _plans = plans;
        _columnLocations = columnLocations;
        _requiredUnlessDeleted = Array.Find(plans, p => p.IsRequiredUnlessDeleted);
        for (var i = 0; i < plans.Length; i++)
        {
            plans[i].Index = i;
        }

        _bytesPerRecordGuess = 16 + plans.Sum(p => p.Name.Length + 6);
    }

    /// <summary>Gets the object type the mapping produces.</summary>
    public CrmObjectType ObjectType { get; }

    /// <summary>Gets the absolute path of the mapping file.</summary>
    public string MappingPath { get; }

    /// <summary>Gets the source columns the mapping reads, in the order a <see cref="SourceChunk"/> must hold them.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the custom fields to declare in Gong's schema for <see cref="ObjectType"/> (empty when none). A
    /// PICKLIST with <c>values: auto</c> declares the distinct values mapped so far, sorted: read it after the export.</summary>
    public IReadOnlyList<CrmSchemaField> CustomFields => _customFields.Any(f => f.OrderedValueList is { Count: 0 })
        ? [.. _customFields.Select(f => f.OrderedValueList is { Count: 0 } && Plan(f.UniqueName) is { AutoPicklist: true } plan ? f with { OrderedValueList = [.. plan.AutoValues] } : f)]
        : _customFields;

    /// <summary>Gets whether a custom field declares the export's values (a PICKLIST with <c>values: auto</c>): its
    /// <see cref="CustomFields"/> are complete only once the export is mapped.</summary>
    public bool DeclaresValuesFromTheExport => _plans.Any(p => p.AutoPicklist);

    /// <summary>Gets the columns the export may lack (named only by fields marked <c>optional</c>).</summary>
    public IReadOnlySet<string> OptionalColumns { get; init; } = new HashSet<string>();

    /// <summary>Gets the fields, in mapping order (their <see cref="FieldPlan.Index"/>).</summary>
    internal IReadOnlyList<FieldPlan> Plans => _plans;

    /// <summary>Gets the <c>where</c> conditions (all must hold), or empty.</summary>
    internal RowCondition[] Where { get; init; } = [];

    /// <summary>Returns the problem to report when the export lacks <paramref name="column"/>, located at the YAML
    /// node that first names the column.</summary>
    public ConfigurationProblem MissingColumnProblem(string column) =>
        _columnLocations.TryGetValue(column, out var problem)
            ? problem
            : new ConfigurationProblem(MappingPath, 0, 0, $"column '{column}' is not in the export's header");

    /// <summary>Maps and validates every record of <paramref name="chunk"/>. Thread-safe.</summary>
    /// <param name="chunk">Records whose cells follow <see cref="Columns"/>.</param>
    /// <param name="now">The run's start, the value of <c>value: now</c> (ISO-8601, UTC).</param>
    /// <returns>The valid records' JSON in source order, a rejection for every other record but those <c>where</c>
    /// skipped, the values left out, and what the warnings need.</returns>
    internal MappedChunk Map(SourceChunk chunk, string? now = null)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.ColumnCount != Columns.Count)
        {
            throw new ArgumentException(
                $"The chunk has {chunk.ColumnCount} columns; the mapping reads {Columns.Count}.", nameof(chunk));
        }

        var output = new JsonBuffer(chunk.CharCount + (chunk.Count * _bytesPerRecordGuess), pooled: true);
        var ids = new JsonBuffer(chunk.Count * 16, pooled: true); // the records' ids as UTF-8 (MappedChunk.Ids)
        var scratch = MapScratch.Rent(output);
        var writer = scratch.Writer;
        var record = scratch.Record;
        record.Ids = ids;
        scratch.Now = now ?? string.Empty;
        var stats = new MappingStats(_plans.Length);
        record.Stats = stats;
        List<FieldIssue>? issues = null;
        var records = System.Buffers.ArrayPool<MappedRecord>.Shared.Rent(Math.Max(1, chunk.Count));
        var recordCount = 0;
        List<Rejection>? rejections = null;

        for (var row = 0; row < chunk.Count; row++)
        {
            var line = chunk.Line(row);
            if (chunk.Problem(row) is { } problem)
            {
                (rejections ??= []).Add(new Rejection(ObjectType, chunk.SourcePath, line, null, RejectionStage.Mapping, problem));
                continue;
            }

            if (Where.Length > 0 && !Passes(chunk, row))
            {
                stats.Skipped++;
                continue;
            }

            stats.Evaluated++;

            var start = output.WrittenCount;
            var idStart = ids.WrittenCount;
            record.Reset();
            writer.Reset(output);
            if (TryMapRecord(chunk, row, scratch, writer, record, out var failure))
            {
                writer.Flush();
                records[recordCount++] = new MappedRecord(
                    record.ModifiedUtcTicks,
                    line,
                    start,
                    output.WrittenCount - start,
                    record.ObjectId,
                    new RecordReferences(record.AccountId, record.OwnerId, record.Stage));
                if (record.Omitted.Count > 0)
                {
                    issues ??= [];
                    var objectId = record.ObjectIdString();
                    foreach (var (field, reason) in record.Omitted)
                    {
                        issues.Add(new FieldIssue(ObjectType, chunk.SourcePath, line, objectId, field, reason));
                    }
                }

                if (ObjectType == CrmObjectType.Deal && !record.IsDeleted)
                {
                    stats.DealsWithoutAccount += record.AccountId.IsEmpty ? 1 : 0;
                    stats.DealsWithoutCloseDate += record.HasCloseDate ? 0 : 1;
                }
            }
            else
            {
                writer.Reset(output);
                output.Truncate(start);
                (rejections ??= []).Add(new Rejection(ObjectType, chunk.SourcePath, line, record.ObjectIdString() ?? record.InvalidObjectId, failure.Stage, failure.Reason));
                ids.Truncate(idStart);
            }
        }

        scratch.Release();
        record.Ids = null;
        record.Stats = MappingStats.None;
        var (jsonLength, idsLength) = (output.WrittenCount, ids.WrittenCount);
        return new MappedChunk(
            ObjectType,
            chunk.SourcePath,
            chunk.Count,
            records,
            recordCount,
            output.DetachPooledArray(),
            jsonLength,
            ids.DetachPooledArray(),
            idsLength,
            (IReadOnlyList<Rejection>?)rejections ?? [])
        {
            Stats = stats,
            FieldIssues = (IReadOnlyList<FieldIssue>?)issues ?? [],
        };
    }

    /// <summary>Returns the field named <paramref name="name"/>, if any.</summary>
    internal FieldPlan? Plan(string name) => Array.Find(_plans, p => p.Name == name);

    private bool Passes(SourceChunk chunk, int row)
    {
        foreach (var condition in Where)
        {
            if (!condition.Holds(chunk.Cell(row, condition.Column)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the record; when a field fails, the others are still evaluated so the rejection gives every
    /// reason, not only the first.</summary>
    private bool TryMapRecord(SourceChunk chunk, int row, MapScratch scratch, System.Text.Json.Utf8JsonWriter writer, RecordState record, out Failure failure)
    {
        writer.WriteStartObject();
        foreach (var plan in _plans)
        {
            if (!plan.TryWrite(chunk, row, scratch, writer, record, out failure))
            {
                record.Failures.Add(failure);
                continue;
            }

            if (plan.Role == FieldRole.ObjectId && !record.HasObjectId)
            {
                record.Failures.Add(new Failure(RejectionStage.Validation, $"{plan.Subject} is missing or empty"));
            }
            else if (plan.Role == FieldRole.ModifiedDate && !record.HasModifiedDate)
            {
                record.Failures.Add(new Failure(RejectionStage.Validation, $"{plan.Subject} is missing or empty"));
            }
        }

        if (_requiredUnlessDeleted is not null && !record.RequiredUnlessDeletedWritten && !record.IsDeleted &&
            !record.Failures.Exists(f => f.Reason.StartsWith(_requiredUnlessDeleted.Subject, StringComparison.Ordinal)))
        {
            record.Failures.Add(new Failure(
                RejectionStage.Validation,
                $"{_requiredUnlessDeleted.Subject} is missing or empty (a {ObjectType.ToWireName()} needs it unless isDeleted is true)"));
        }

        if (record.Failures.Count > 0)
        {
            failure = record.Failures.Count == 1
                ? record.Failures[0]
                : new Failure(record.Failures[0].Stage, string.Join("; ", record.Failures.Select(f => f.Reason)));
            return false;
        }

        writer.WriteEndObject();
        failure = default;
        return true;
    }
}
