using System.Globalization;

namespace GongCrmBridge.Mapping;

/// <summary>Reads a cell as its field's type: numbers in the field's <c>culture</c>, dates and date-times in its
/// <c>format</c> (ISO-8601 without one), date-times in its <c>timeZone</c> unless they carry an offset.</summary>
/// <remarks>Immutable; the fast paths (<see cref="FixedDateFormat"/>, <see cref="ZoneOffsetCache"/>,
/// <see cref="FastDecimal"/>) are prepared once here, so reading a cell allocates nothing.</remarks>
internal sealed class ValueReader
{
    private readonly bool _formatHasOffset;
    private readonly FixedDateFormat? _fixedFormat;
    private readonly ZoneOffsetCache? _zoneCache;
    private readonly char _decimalSeparator;
    private readonly ValueReader[] _alternates = [];

    /// <summary>Initializes a new instance of the <see cref="ValueReader"/> class.</summary>
    /// <param name="culture">The culture of numbers and of formatted dates.</param>
    /// <param name="format">The .NET date format of the cells, or null for ISO-8601.</param>
    /// <param name="timeZone">The time zone of date-times without an offset, or null for UTC.</param>
    public ValueReader(CultureInfo culture, string? format, TimeZoneInfo? timeZone)
    {
        Culture = culture;
        Format = format;
        TimeZone = timeZone;
        _formatHasOffset = format is not null &&
            (format.Contains('z', StringComparison.Ordinal) || format.Contains('K', StringComparison.Ordinal));
        var dates = culture.DateTimeFormat;
        _fixedFormat = format is not null && dates.DateSeparator == "/" && dates.TimeSeparator == ":"
            ? FixedDateFormat.TryCompile(format)
            : null;
        _zoneCache = timeZone is null ? null : new ZoneOffsetCache(timeZone);
        var separator = culture.NumberFormat.NumberDecimalSeparator;
        _decimalSeparator = separator.Length == 1 ? separator[0] : '\0';
    }

    /// <summary>Initializes a new instance of the <see cref="ValueReader"/> class for a <c>format</c> list: the
    /// formats are tried in order.</summary>
    public ValueReader(CultureInfo culture, string? format, IReadOnlyList<string> alternates, TimeZoneInfo? timeZone)
        : this(culture, format, timeZone) =>
        _alternates = [.. alternates.Select(a => new ValueReader(culture, a, timeZone))];

    /// <summary>Gets every format, in the order tried (for reasons).</summary>
    public string FormatList => string.Join("', '", new[] { Format }.Concat(_alternates.Select(a => a.Format)));

    /// <summary>Gets the culture of numbers and formatted dates.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Gets the date format, or null for ISO-8601.</summary>
    public string? Format { get; }

    /// <summary>Gets the time zone of date-times without an offset, or null for UTC.</summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>Reads a decimal number.</summary>
    public bool TryReadNumber(ReadOnlySpan<char> value, out decimal number) =>
        FastDecimal.TryParse(value, _decimalSeparator, out number) ||
        ValueParsers.TryParseDecimal(value, Culture.NumberFormat, out number);

    /// <summary>Reads a whole number.</summary>
    public bool TryReadInteger(ReadOnlySpan<char> value, out long integer) =>
        ValueParsers.TryParseInteger(value, Culture.NumberFormat, out integer);

    /// <summary>Reads a date (a time of day, if any, is ignored).</summary>
    public bool TryReadDate(ReadOnlySpan<char> value, out DateTime date) => TryParseDateTime(value, out date, out _);

    /// <summary>Reads a date-time and converts it to UTC, whole seconds (Gong takes no fraction).</summary>
    /// <param name="value">The cell.</param>
    /// <param name="utc">The time in UTC.</param>
    /// <param name="outOfRange">Set when the value reads but, in UTC, falls before year 1 or after year 9999.</param>
    public bool TryReadUtc(ReadOnlySpan<char> value, out DateTime utc, out bool outOfRange)
    {
        outOfRange = false;
        if (!TryParseDateTime(value, out var local, out var offset))
        {
            utc = default;
            return false;
        }

        try
        {
            utc = offset is null && _zoneCache is not null
                ? _zoneCache.ToUtc(local)
                : ValueParsers.ToUtc(local, offset, TimeZone);
        }
        catch (ArgumentOutOfRangeException)
        {
            // In UTC the time falls before year 1 or after year 9999 (9999-12-31T23:59:59-05:00): no DateTime holds it.
            utc = default;
            outOfRange = true;
            return false;
        }

        utc = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        return true;
    }

    private bool TryParseDateTime(ReadOnlySpan<char> value, out DateTime result, out TimeSpan? offset)
    {
        if (TryParseOne(value, out result, out offset))
        {
            return true;
        }

        foreach (var alternate in _alternates)
        {
            if (alternate.TryParseOne(value, out result, out offset))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryParseOne(ReadOnlySpan<char> value, out DateTime result, out TimeSpan? offset)
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
}
