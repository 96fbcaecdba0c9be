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
    private readonly FieldSource _source;
    private readonly TransformStep[] _transforms;
    private readonly bool _omitInvalid;
    private readonly bool _watchCatchAll;
    private readonly bool _watchReference;
    private readonly bool _keepSamples;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte>? _autoValues;
    private readonly ValueMap? _map;
    private readonly string? _default;
    private readonly bool _required;
    private readonly ListItems _items;
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
        _source = new FieldSource(spec);
        _transforms = [.. spec.Transforms];
        _map = spec.Map;
        _default = spec.Default;
        _required = spec.Required;
        _items = new ListItems(spec.Split, _transforms, spec.Map);
        _reader = new ValueReader(spec.Culture, spec.Format, spec.AlternateFormats, spec.TimeZone);
        _omitInvalid = spec.OmitInvalid;
        _watchCatchAll = spec.Map?.HasCatchAll == true;
        _watchReference = spec.Rule == FieldRule.Reference;
        _keepSamples = spec.Kind is ValueKind.Date or ValueKind.DateTime && !spec.IsNow;
        IsCloseDate = spec.Name == "closeDate" && spec.Role == FieldRole.Standard;
        AutoPicklist = spec.AutoPicklist;
        _autoValues = spec.AutoPicklist ? new(StringComparer.OrdinalIgnoreCase) : null;
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

    /// <summary>Gets or sets the field's position in its mapping (the index of its <see cref="MappingStats"/> entries).</summary>
    public int Index { get; set; }

    /// <summary>Gets the columns the value reads (for warnings naming them).</summary>
    public IReadOnlyList<int> Columns => _source.Columns;

    /// <summary>Gets whether the field is a DEAL's or LEAD's closeDate (for the <c>deal-without-close-date</c> warning).</summary>
    public bool IsCloseDate { get; }

    /// <summary>Gets whether a PICKLIST declares the export's distinct values.</summary>
    public bool AutoPicklist { get; }

    /// <summary>Gets the distinct values of a <c>values: auto</c> PICKLIST seen so far, sorted.</summary>
    public IReadOnlyList<string> AutoValues => _autoValues is null ? [] : [.. _autoValues.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Gets whether a <c>map</c> with a catch-all is counted for <c>catch-all-dominant</c>.</summary>
    public bool WatchesCatchAll => _watchCatchAll;

    /// <summary>Gets whether the field holds references (for <c>placeholder-value</c>).</summary>
    public bool WatchesReference => _watchReference;

    /// <summary>Gets whether the field is a date or date-time read from the export (a format can be suggested).</summary>
    public bool ReadsDates => _keepSamples;

    /// <summary>Evaluates the field for one record and writes it; returns false with the reason when the record
    /// must be rejected.</summary>
    public bool TryWrite(SourceChunk chunk, int row, MapScratch scratch, Utf8JsonWriter writer, RecordState record, out Failure failure)
    {
        if (Kind == ValueKind.StringArray)
        {
            return TryWriteArray(chunk, row, scratch, writer, out failure);
        }

        var value = _source.Read(chunk, row, scratch);
        if (_transforms.Length > 0)
        {
            value = scratch.ApplyTransforms(value, _transforms);
        }

        if (_map is not null)
        {
            value = MapValue(value, record);
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

        return TryWriteScalar(value, writer, record, out failure) || Invalid(value, record, ref failure);
    }

    /// <summary>An invalid value: counted, then left out (<c>onInvalid: omit</c>, listed in field-issues.csv) or
    /// rejecting the record.</summary>
    private bool Invalid(ReadOnlySpan<char> value, RecordState record, ref Failure failure)
    {
        record.Stats.AddInvalid(Index, failure.Reason, value, _keepSamples);
        if (!_omitInvalid)
        {
            return false;
        }

        record.Omitted.Add((Name, failure.Reason));
        failure = default;
        return true;
    }

    private ReadOnlySpan<char> MapValue(ReadOnlySpan<char> value, RecordState record)
    {
        if (!_watchCatchAll)
        {
            return _map!.Apply(value);
        }

        var mapped = _map!.Apply(value, out var caught);
        if (!value.IsWhiteSpace())
        {
            record.Stats.ObserveMapped(Index, caught);
        }

        return mapped;
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
                        failure = CannotRead("number", value);
                        return false;
                    }

                    if (FieldRuleChecks.CheckNumber(_rule, number) is { } problem)
                    {
                        failure = Breaks($"{problem} (got {ValueText.Quote(value)})");
                        return false;
                    }

                    writer.WriteNumber(_key, number);
                    return true;
                }

            case ValueKind.Integer:
                {
                    if (!_reader.TryReadInteger(value, out var integer))
                    {
                        failure = CannotRead("whole number", value);
                        return false;
                    }

                    if (FieldRuleChecks.CheckInteger(_rule, integer) is { } problem)
                    {
                        failure = Breaks($"{problem} (got {ValueText.Quote(value)})");
                        return false;
                    }

                    writer.WriteNumber(_key, integer);
                    return true;
                }

            case ValueKind.Boolean:
                {
                    if (!BooleanText.TryParse(value.Trim(), out var flag))
                    {
                        failure = CannotRead("boolean (true/false, yes/no, 1/0)", value);
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
                        failure = CannotRead("date", value);
                        return false;
                    }

                    record.HasCloseDate |= IsCloseDate;

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
                            ? new Failure(RejectionStage.Mapping, $"{Subject}: the date-time falls outside the years 1 to 9999 once converted to UTC (got {ValueText.Quote(value)})")
                            : CannotRead("date-time", value);
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
        var asRead = value;
        if (_autoValues is not null)
        {
            // values: auto declares what the export holds, so every value is allowed.
            value = value.Trim();
            if (!_autoValues.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(value))
            {
                _autoValues.TryAdd(value.ToString(), 0);
            }
        }

        // Most fields have no rule: they skip the call.
        else if (_rule != FieldRule.None && FieldRuleChecks.CheckText(_rule, ref value, _picklist) is { } problem)
        {
            if (Role == FieldRole.ObjectId)
            {
                record.InvalidObjectId = asRead.ToString(); // the report names the record by the id it has
            }

            failure = Breaks(_rule switch
            {
                FieldRule.Picklist => $"{problem} (got {ValueText.Quote(value)}; allowed: {_picklist?.Listing})",
                FieldRule.DealStatus => $"{problem} (got {ValueText.Quote(value)})",
                _ => problem,
            });
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

        if (_watchReference && !value.IsEmpty)
        {
            record.Stats.ObserveReference(Index, value);
        }

        writer.WriteString(_key, value);
        failure = default;
        return true;
    }

    private bool TryWriteArray(SourceChunk chunk, int row, MapScratch scratch, Utf8JsonWriter writer, out Failure failure)
    {
        failure = default;
        var raw = _source.Read(chunk, row, scratch);
        scratch.ClearItems();
        _items.AddTo(scratch, raw, transform: true);
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

            _items.AddTo(scratch, _default, transform: false);
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

    private Failure Breaks(string problem) => new(RejectionStage.Validation, $"{Subject} {problem}");

    private Failure CannotRead(string what, ReadOnlySpan<char> value)
    {
        var how = _reader.Format is not null ? $" with format '{_reader.FormatList}'"
            : Kind is ValueKind.Date or ValueKind.DateTime ? " (expected ISO-8601, e.g. 2024-03-01 or 2024-03-01T12:00:00Z; set 'format' for other layouts)"
            : Kind is ValueKind.Number or ValueKind.Integer ? $" (culture '{(_reader.Culture.Name.Length == 0 ? "invariant" : _reader.Culture.Name)}')"
            : string.Empty;
        return new Failure(RejectionStage.Mapping, $"{Subject}: cannot read {ValueText.Quote(value)} as a {what}{how}");
    }
}
