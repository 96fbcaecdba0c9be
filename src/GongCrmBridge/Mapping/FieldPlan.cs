using System.Text.Json;
using GongCrmBridge.Outcomes;
using GongCrmBridge.Sources;
using GongCrmBridge.Validation;

namespace GongCrmBridge.Mapping;

/// <summary>
/// One compiled field: where its value comes from, how it is transformed, read, checked against Gong's rule and
/// written. Made once from a complete <see cref="FieldSpec"/> and immutable, so one plan serves every thread.
/// </summary>
/// <remarks>The order of the steps is the mapping file's contract; <see cref="MappingLoader"/> documents it.</remarks>
internal sealed class FieldPlan
{
    private readonly FieldRule _rule;
    private readonly JsonEncodedText _key;
    private readonly int _column;
    private readonly TemplatePart[]? _template;
    private readonly string? _constant;
    private readonly Transform[] _transforms;
    private readonly ValueMap? _map;
    private readonly string? _default;
    private readonly bool _required;
    private readonly string? _split;
    private readonly ValueReader _reader;
    private readonly PicklistValues? _picklist;
    private readonly ReferenceSlot _reference;

    public FieldPlan(FieldSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Name = spec.Name;
        Role = spec.Role;
        Kind = spec.Kind;
        Subject = spec.Subject;
        IsRequiredUnlessDeleted = spec.IsRequiredUnlessDeleted;
        _rule = spec.Rule;
        _key = JsonEncodedText.Encode(spec.Name);
        _column = spec.Column;
        _template = spec.Template is null ? null : [.. spec.Template];
        _constant = spec.Constant;
        _transforms = [.. spec.Transforms];
        _map = spec.Map;
        _default = spec.Default;
        _required = spec.Required;
        _split = spec.Split;
        _reader = new ValueReader(spec.Culture, spec.Format, spec.TimeZone);
        _picklist = spec.Picklist;
        _reference = spec.Reference;
    }

    public string Name { get; }

    public FieldRole Role { get; }

    public ValueKind Kind { get; }

    /// <summary>Gets how rejection reasons name the field, e.g. <c>field 'closeDate' (column 'CloseDate')</c>.</summary>
    public string Subject { get; }

    /// <summary>Gets whether this is the field Gong requires unless the record is deleted.</summary>
    public bool IsRequiredUnlessDeleted { get; }

    /// <summary>Evaluates the field for one record and writes it; returns false with the reason when the record
    /// must be rejected.</summary>
    public bool TryWrite(SourceChunk chunk, int row, MapScratch scratch, Utf8JsonWriter writer, RecordState record, out Failure failure)
    {
        if (Kind == ValueKind.StringArray)
        {
            return TryWriteArray(chunk, row, scratch, writer, out failure);
        }

        var value = Source(chunk, row, scratch);
        if (_transforms.Length > 0)
        {
            value = scratch.ApplyTransforms(value, _transforms);
        }

        if (_map is not null)
        {
            value = _map.Apply(value);
        }

        if (value.IsWhiteSpace())
        {
            if (_default is null)
            {
                if (_required)
                {
                    failure = new Failure(RejectionStage.Mapping, $"{Subject} is required but empty");
                    return false;
                }

                failure = default;
                return true;
            }

            value = _default;
        }

        return TryWriteScalar(value, writer, record, out failure);
    }

    /// <summary>Checks that <paramref name="value"/> (a constant or default) is usable; returns why not.</summary>
    public string? CheckConstant(string value)
    {
        if (Kind == ValueKind.StringArray)
        {
            return null;
        }

        var buffer = new JsonBuffer(256);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        return TryWriteScalar(value, writer, new RecordState(), out var failure) ? null : failure.Reason;
    }

    private ReadOnlySpan<char> Source(SourceChunk chunk, int row, MapScratch scratch) =>
        _column >= 0 ? chunk.Cell(row, _column)
        : _template is not null ? scratch.Render(_template, chunk, row)
        : _constant.AsSpan();

    private bool TryWriteScalar(ReadOnlySpan<char> value, Utf8JsonWriter writer, RecordState record, out Failure failure)
    {
        failure = default;
        switch (Kind)
        {
            case ValueKind.String:
                return TryWriteString(value, writer, record, out failure);

            case ValueKind.Number:
                {
                    if (!_reader.TryReadNumber(value, out var number))
                    {
                        failure = CannotRead("number");
                        return false;
                    }

                    if (FieldRuleChecks.CheckNumber(_rule, number) is { } problem)
                    {
                        failure = Breaks(problem);
                        return false;
                    }

                    writer.WriteNumber(_key, number);
                    return true;
                }

            case ValueKind.Integer:
                {
                    if (!_reader.TryReadInteger(value, out var integer))
                    {
                        failure = CannotRead("whole number");
                        return false;
                    }

                    if (FieldRuleChecks.CheckInteger(_rule, integer) is { } problem)
                    {
                        failure = Breaks(problem);
                        return false;
                    }

                    writer.WriteNumber(_key, integer);
                    return true;
                }

            case ValueKind.Boolean:
                {
                    if (!BooleanText.TryParse(value.Trim(), out var flag))
                    {
                        failure = CannotRead("boolean (true/false, yes/no, 1/0)");
                        return false;
                    }

                    if (Role == FieldRole.IsDeleted)
                    {
                        record.IsDeleted = flag;
                    }

                    writer.WriteBoolean(_key, flag);
                    return true;
                }

            case ValueKind.Date:
                {
                    if (!_reader.TryReadDate(value, out var date))
                    {
                        failure = CannotRead("date");
                        return false;
                    }

                    Span<byte> utf8 = stackalloc byte[10];
                    ValueParsers.FormatDate(date, utf8);
                    writer.WriteString(_key, utf8);
                    return true;
                }

            case ValueKind.DateTime:
                {
                    if (!_reader.TryReadUtc(value, out var utc, out var outOfRange))
                    {
                        failure = outOfRange
                            ? new Failure(RejectionStage.Mapping, $"{Subject}: the date-time falls outside the years 1 to 9999 once converted to UTC")
                            : CannotRead("date-time");
                        return false;
                    }

                    if (Role == FieldRole.ModifiedDate)
                    {
                        record.ModifiedUtcTicks = utc.Ticks;
                        record.HasModifiedDate = true;
                    }

                    Span<byte> utf8 = stackalloc byte[20];
                    ValueParsers.FormatUtc(utc, utf8);
                    writer.WriteString(_key, utf8);
                    return true;
                }

            default:
                throw new InvalidOperationException($"Unexpected kind {Kind}.");
        }
    }

    private bool TryWriteString(ReadOnlySpan<char> value, Utf8JsonWriter writer, RecordState record, out Failure failure)
    {
        // Most fields have no rule: they skip the call.
        var asRead = value;
        if (_rule != FieldRule.None && FieldRuleChecks.CheckText(_rule, ref value, _picklist) is { } problem)
        {
            if (Role == FieldRole.ObjectId)
            {
                record.InvalidObjectId = asRead.ToString(); // the report names the record by the id it has
            }

            failure = Breaks(problem);
            return false;
        }

        if (Role == FieldRole.ObjectId)
        {
            record.SetObjectId(value);
        }

        if (IsRequiredUnlessDeleted)
        {
            record.RequiredUnlessDeletedWritten = true;
        }

        if (_reference != ReferenceSlot.None)
        {
            record.SetReference(_reference, value);
        }

        writer.WriteString(_key, value);
        failure = default;
        return true;
    }

    private bool TryWriteArray(SourceChunk chunk, int row, MapScratch scratch, Utf8JsonWriter writer, out Failure failure)
    {
        failure = default;
        var raw = Source(chunk, row, scratch);
        scratch.ClearItems();
        AddItems(raw, scratch, transform: true);
        if (scratch.ItemCount == 0)
        {
            if (_default is null)
            {
                if (_required)
                {
                    failure = new Failure(RejectionStage.Mapping, $"{Subject} is required but empty");
                    return false;
                }

                return true;
            }

            AddItems(_default, scratch, transform: false);
        }

        writer.WritePropertyName(_key);
        writer.WriteStartArray();
        for (var i = 0; i < scratch.ItemCount; i++)
        {
            writer.WriteStringValue(scratch.Item(i));
        }

        writer.WriteEndArray();
        return true;
    }

    private void AddItems(ReadOnlySpan<char> raw, MapScratch scratch, bool transform)
    {
        if (_split is null)
        {
            AddItem(raw, scratch, transform);
            return;
        }

        foreach (var range in raw.Split(_split))
        {
            AddItem(raw[range], scratch, transform);
        }
    }

    private void AddItem(ReadOnlySpan<char> item, MapScratch scratch, bool transform)
    {
        if (transform)
        {
            if (_transforms.Length > 0)
            {
                item = scratch.ApplyTransforms(item, _transforms);
            }

            if (_map is not null)
            {
                item = _map.Apply(item);
            }
        }

        item = item.Trim();
        if (!item.IsEmpty)
        {
            scratch.AddItem(item);
        }
    }

    private Failure Breaks(string problem) => new(RejectionStage.Validation, $"{Subject} {problem}");

    private Failure CannotRead(string what)
    {
        var how = _reader.Format is not null ? $" with format '{_reader.Format}'"
            : Kind is ValueKind.Date or ValueKind.DateTime ? " (expected ISO-8601, e.g. 2024-03-01 or 2024-03-01T12:00:00Z; set 'format' for other layouts)"
            : Kind is ValueKind.Number or ValueKind.Integer ? $" (culture '{(_reader.Culture.Name.Length == 0 ? "invariant" : _reader.Culture.Name)}')"
            : string.Empty;
        return new Failure(RejectionStage.Mapping, $"{Subject}: cannot read a {what}{how}");
    }
}
