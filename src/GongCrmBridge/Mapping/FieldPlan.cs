using System.Globalization;
using System.Text.Json;
using GongCrmBridge.Outcomes;
using GongCrmBridge.Sources;
using GongCrmBridge.Validation;

namespace GongCrmBridge.Mapping;

/// <summary>
/// One compiled field: where its value comes from, how it is transformed, parsed, checked and written.
/// Immutable after compilation, so one plan serves every thread.
/// </summary>
internal sealed class FieldPlan
{
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _mapLookup;
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _picklistLookup;
    private Dictionary<string, string>? _map;
    private Dictionary<string, string>? _picklist;
    private string? _format;
    private bool _formatHasOffset;
    private CultureInfo _culture = CultureInfo.InvariantCulture;
    private FixedDateFormat? _fixedFormat;
    private TimeZoneInfo? _zone;
    private ZoneOffsetCache? _zoneCache;
    private char _decimalSeparator = '.';

    public FieldPlan(string name, FieldRole role, ValueKind kind, FieldRule rule)
    {
        Name = name;
        Role = role;
        Kind = kind;
        Rule = rule;
        Key = JsonEncodedText.Encode(name);
        Subject = name;
    }

    public string Name { get; }

    public FieldRole Role { get; }

    public ValueKind Kind { get; }

    public FieldRule Rule { get; }

    public JsonEncodedText Key { get; }

    /// <summary>Gets or sets how rejection reasons name the field, e.g. <c>field 'closeDate' (column 'CloseDate')</c>.</summary>
    public string Subject { get; set; }

    public int Column { get; set; } = -1;

    public TemplatePart[]? Template { get; set; }

    public string? Constant { get; set; }

    public Transform[] Transforms { get; set; } = [];

    public string? CatchAll { get; set; }

    public string? Default { get; set; }

    public bool Required { get; set; }

    public string? Split { get; set; }

    public CultureInfo Culture
    {
        get => _culture;
        set
        {
            _culture = value;
            Prepare();
        }
    }

    public string? Format
    {
        get => _format;
        set
        {
            _format = value;
            _formatHasOffset = value is not null &&
                (value.Contains('z', StringComparison.Ordinal) || value.Contains('K', StringComparison.Ordinal));
            Prepare();
        }
    }

    public TimeZoneInfo? TimeZone
    {
        get => _zone;
        set
        {
            _zone = value;
            _zoneCache = value is null ? null : new ZoneOffsetCache(value);
        }
    }

    public ReferenceSlot Reference { get; set; }

    public bool IsRequiredUnlessDeleted { get; set; }

    public Dictionary<string, string>? Map
    {
        get => _map;
        set
        {
            _map = value;
            if (value is not null)
            {
                _mapLookup = value.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }
    }

    /// <summary>Gets or sets the PICKLIST values, keyed case-insensitively, valued by their declared spelling.</summary>
    public Dictionary<string, string>? Picklist
    {
        get => _picklist;
        set
        {
            _picklist = value;
            if (value is not null)
            {
                _picklistLookup = value.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }
    }

    private void Prepare()
    {
        var dates = _culture.DateTimeFormat;
        _fixedFormat = _format is not null && dates.DateSeparator == "/" && dates.TimeSeparator == ":"
            ? FixedDateFormat.TryCompile(_format)
            : null;
        var separator = _culture.NumberFormat.NumberDecimalSeparator;
        _decimalSeparator = separator.Length == 1 ? separator[0] : '\0';
    }

    /// <summary>Evaluates the field for one record and writes it; returns false with the reason when the record
    /// must be rejected.</summary>
    public bool TryWrite(SourceChunk chunk, int row, MapScratch scratch, Utf8JsonWriter writer, RecordState record, out Failure failure)
    {
        if (Kind == ValueKind.StringArray)
        {
            return TryWriteArray(chunk, row, scratch, writer, out failure);
        }

        var value = Column >= 0 ? chunk.Cell(row, Column)
            : Template is not null ? scratch.Render(Template, chunk, row)
            : Constant.AsSpan();
        if (Transforms.Length > 0)
        {
            value = scratch.ApplyTransforms(value, Transforms);
        }

        if (_map is not null)
        {
            value = Lookup(value);
        }

        if (value.IsWhiteSpace())
        {
            if (Default is null)
            {
                if (Required)
                {
                    failure = new Failure(RejectionStage.Mapping, $"{Subject} is required but empty");
                    return false;
                }

                failure = default;
                return true;
            }

            value = Default;
        }

        return TryWriteScalar(value, writer, record, out failure);
    }

    /// <summary>Checks that <paramref name="value"/> (a constant or default) is usable; returns why not.</summary>
    public string? CheckConstant(string value)
    {
        var buffer = new JsonBuffer(256);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        var record = new RecordState();
        if (Kind == ValueKind.StringArray)
        {
            return null;
        }

        return TryWriteScalar(value, writer, record, out var failure) ? null : failure.Reason;
    }

    private ReadOnlySpan<char> Lookup(ReadOnlySpan<char> value)
    {
        var key = value.Trim();
        if (key.IsEmpty)
        {
            return value;
        }

        if (_mapLookup.TryGetValue(key, out var mapped))
        {
            return mapped;
        }

        return CatchAll is not null ? CatchAll : value;
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
                    if (!FastDecimal.TryParse(value, _decimalSeparator, out var number) &&
                        !ValueParsers.TryParseDecimal(value, Culture.NumberFormat, out number))
                    {
                        failure = CannotRead("number");
                        return false;
                    }

                    if (Rule == FieldRule.Percent && number is < 0 or > 100)
                    {
                        failure = new Failure(RejectionStage.Validation, $"{Subject} is a PERCENT and must be between 0 and 100");
                        return false;
                    }

                    writer.WriteNumber(Key, number);
                    return true;
                }

            case ValueKind.Integer:
                {
                    if (!ValueParsers.TryParseInteger(value, Culture.NumberFormat, out var integer))
                    {
                        failure = CannotRead("whole number");
                        return false;
                    }

                    if (Rule == FieldRule.PositiveInteger && integer < 1)
                    {
                        failure = new Failure(RejectionStage.Validation, $"{Subject} must be 1 or more");
                        return false;
                    }

                    writer.WriteNumber(Key, integer);
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

                    writer.WriteBoolean(Key, flag);
                    return true;
                }

            case ValueKind.Date:
                {
                    if (!TryParseDateTime(value, out var date, out _))
                    {
                        failure = CannotRead("date");
                        return false;
                    }

                    Span<byte> utf8 = stackalloc byte[10];
                    ValueParsers.FormatDate(date, utf8);
                    writer.WriteString(Key, utf8);
                    return true;
                }

            case ValueKind.DateTime:
                {
                    if (!TryParseDateTime(value, out var local, out var offset))
                    {
                        failure = CannotRead("date-time");
                        return false;
                    }

                    var utc = offset is null && _zoneCache is not null
                        ? _zoneCache.ToUtc(local)
                        : ValueParsers.ToUtc(local, offset, TimeZone);
                    utc = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
                    if (Role == FieldRole.ModifiedDate)
                    {
                        record.ModifiedUtcTicks = utc.Ticks;
                    }

                    Span<byte> utf8 = stackalloc byte[20];
                    ValueParsers.FormatUtc(utc, utf8);
                    writer.WriteString(Key, utf8);
                    return true;
                }

            default:
                throw new InvalidOperationException($"Unexpected kind {Kind}.");
        }
    }

    private bool TryWriteString(ReadOnlySpan<char> value, Utf8JsonWriter writer, RecordState record, out Failure failure)
    {
        failure = default;
        switch (Rule)
        {
            case FieldRule.Reference:
                value = value.Trim();
                break;

            case FieldRule.ObjectId:
                {
                    value = value.Trim();
                    var problem = GongRules.ObjectIdProblem(value);
                    if (problem is not null)
                    {
                        failure = new Failure(RejectionStage.Validation, $"{Subject} {problem}");
                        return false;
                    }

                    break;
                }

            case FieldRule.Email:
                value = value.Trim();
                if (!GongRules.IsEmail(value))
                {
                    failure = new Failure(RejectionStage.Validation, $"{Subject} is not a valid email address");
                    return false;
                }

                break;

            case FieldRule.Url:
                value = value.Trim();
                if (!GongRules.IsAbsoluteHttpUrl(value))
                {
                    failure = new Failure(RejectionStage.Validation, $"{Subject} is not an absolute http(s) URL");
                    return false;
                }

                break;

            case FieldRule.DealStatus:
                {
                    var status = GongRules.DealStatus(value.Trim());
                    if (status is null)
                    {
                        failure = new Failure(RejectionStage.Validation, $"{Subject} must be OPEN, WON or LOST (use 'map' to translate the export's values)");
                        return false;
                    }

                    value = status;
                    break;
                }

            case FieldRule.Picklist:
                if (!_picklistLookup.TryGetValue(value.Trim(), out var declared))
                {
                    failure = new Failure(RejectionStage.Validation, $"{Subject} is not one of the PICKLIST values");
                    return false;
                }

                value = declared;
                break;

            default:
                break;
        }

        switch (Role)
        {
            case FieldRole.ObjectId:
                record.SetObjectId(value);
                break;
            default:
                break;
        }

        if (IsRequiredUnlessDeleted)
        {
            record.RequiredUnlessDeletedWritten = true;
        }

        if (Reference != ReferenceSlot.None)
        {
            record.SetReference(Reference, value);
        }

        writer.WriteString(Key, value);
        return true;
    }

    private bool TryWriteArray(SourceChunk chunk, int row, MapScratch scratch, Utf8JsonWriter writer, out Failure failure)
    {
        failure = default;
        var raw = Column >= 0 ? chunk.Cell(row, Column)
            : Template is not null ? scratch.Render(Template, chunk, row)
            : Constant.AsSpan();
        scratch.ClearItems();
        AddItems(raw, scratch, transform: true);
        if (scratch.ItemCount == 0)
        {
            if (Default is null)
            {
                if (Required)
                {
                    failure = new Failure(RejectionStage.Mapping, $"{Subject} is required but empty");
                    return false;
                }

                return true;
            }

            AddItems(Default, scratch, transform: false);
        }

        writer.WritePropertyName(Key);
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
        if (Split is null)
        {
            AddItem(raw, scratch, transform);
            return;
        }

        foreach (var range in raw.Split(Split))
        {
            AddItem(raw[range], scratch, transform);
        }
    }

    private void AddItem(ReadOnlySpan<char> item, MapScratch scratch, bool transform)
    {
        if (transform)
        {
            if (Transforms.Length > 0)
            {
                item = scratch.ApplyTransforms(item, Transforms);
            }

            if (_map is not null)
            {
                item = Lookup(item);
            }
        }

        item = item.Trim();
        if (!item.IsEmpty)
        {
            scratch.AddItem(item);
        }
    }

    private bool TryParseDateTime(ReadOnlySpan<char> value, out DateTime result, out TimeSpan? offset)
    {
        if (Format is null)
        {
            return ValueParsers.TryParseIso(value, out result, out offset);
        }

        offset = null;
        value = value.Trim();
        if (_fixedFormat is not null && _fixedFormat.TryParse(value, out result))
        {
            return true;
        }

        if (_formatHasOffset)
        {
            if (DateTimeOffset.TryParseExact(value, Format, Culture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
            {
                result = withOffset.DateTime;
                offset = withOffset.Offset;
                return true;
            }

            result = default;
            return false;
        }

        return DateTime.TryParseExact(value, Format, Culture, DateTimeStyles.AllowWhiteSpaces, out result);
    }

    private Failure CannotRead(string what)
    {
        var how = Format is not null ? $" with format '{Format}'"
            : Kind is ValueKind.Date or ValueKind.DateTime ? " (expected ISO-8601, e.g. 2024-03-01 or 2024-03-01T12:00:00Z; set 'format' for other layouts)"
            : Kind is ValueKind.Number or ValueKind.Integer ? $" (culture '{(Culture.Name.Length == 0 ? "invariant" : Culture.Name)}')"
            : string.Empty;
        return new Failure(RejectionStage.Mapping, $"{Subject}: cannot read a {what}{how}");
    }
}
