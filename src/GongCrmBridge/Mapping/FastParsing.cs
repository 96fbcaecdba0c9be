using System.Globalization;

namespace GongCrmBridge.Mapping;

/// <summary>
/// A date format made only of fixed-width numeric parts (<c>yyyy</c>, <c>MM</c>, <c>dd</c>, <c>HH</c>,
/// <c>mm</c>, <c>ss</c>) and separator characters, e.g. <c>MM/dd/yyyy</c> or <c>yyyy-MM-dd HH:mm:ss</c>, parsed
/// without <see cref="DateTime.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateTime)"/>.
/// </summary>
/// <remarks>It accepts a subset of what ParseExact accepts; callers fall back to ParseExact when it fails.</remarks>
internal sealed class FixedDateFormat
{
    private readonly (char Field, int Width)[] _parts;
    private readonly int _length;

    private FixedDateFormat((char Field, int Width)[] parts)
    {
        _parts = parts;
        _length = parts.Sum(p => p.Width);
    }

    /// <summary>Compiles <paramref name="format"/>, or returns null when it holds anything but fixed-width numeric
    /// parts and separators.</summary>
    public static FixedDateFormat? TryCompile(string format)
    {
        var parts = new List<(char, int)>();
        var seen = new HashSet<char>();
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            var expected = c switch { 'y' => 4, 'M' or 'd' or 'H' or 'm' or 's' => 2, _ => 0 };
            if (expected > 0)
            {
                if (run != expected || !seen.Add(c))
                {
                    return null;
                }

                parts.Add((c, run));
            }
            else if (c is '-' or '/' or '.' or ' ' or 'T' or ':' or '_' && run == 1)
            {
                // '/' and ':' stand for the culture's separators: the caller only uses this parser when they
                // are '/' and ':'.
                parts.Add((c, 1));
            }
            else
            {
                return null;
            }

            i += run;
        }

        return seen.Contains('y') && seen.Contains('M') && seen.Contains('d') ? new FixedDateFormat([.. parts]) : null;
    }

    /// <summary>Parses <paramref name="text"/> (already trimmed); false when it does not match exactly.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.Length != _length)
        {
            return false;
        }

        int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
        var at = 0;
        foreach (var (field, width) in _parts)
        {
            if (field is 'y' or 'M' or 'd' or 'H' or 'm' or 's')
            {
                var n = 0;
                for (var k = 0; k < width; k++)
                {
                    var d = text[at + k] - '0';
                    if ((uint)d > 9)
                    {
                        return false;
                    }

                    n = (n * 10) + d;
                }

                switch (field)
                {
                    case 'y': year = n; break;
                    case 'M': month = n; break;
                    case 'd': day = n; break;
                    case 'H': hour = n; break;
                    case 'm': minute = n; break;
                    default: second = n; break;
                }
            }
            else if (text[at] != field)
            {
                return false;
            }

            at += width;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second);
        return true;
    }
}

/// <summary>Remembers the UTC offset of the local days seen, so converting a column of local times costs a lookup
/// instead of three time-zone rule searches. Thread-safe (entries are immutable; a lost race only recomputes).</summary>
/// <remarks>A day is cached when it holds no daylight-saving change (the offset at its start, noon and end agree and
/// none of them is skipped or repeated); on the few days with a change every time takes the full
/// <see cref="ValueParsers.ToUtc"/> path.</remarks>
internal sealed class ZoneOffsetCache
{
    private readonly TimeZoneInfo _zone;
    private readonly Entry?[] _entries = new Entry?[4096];

    public ZoneOffsetCache(TimeZoneInfo zone) => _zone = zone;

    /// <summary>Converts a local time in the zone to UTC, with the rules of <see cref="ValueParsers.ToUtc"/>.</summary>
    public DateTime ToUtc(DateTime local)
    {
        var day = local.Ticks / TimeSpan.TicksPerDay;
        var slot = (int)(day & (_entries.Length - 1));
        var entry = _entries[slot];
        if (entry is null || entry.Day != day)
        {
            entry = new Entry(day, UniformOffset(day));
            _entries[slot] = entry;
        }

        return entry.OffsetTicks is { } offset
            ? new DateTime(local.Ticks - offset, DateTimeKind.Utc)
            : ValueParsers.ToUtc(local, null, _zone);
    }

    private long? UniformOffset(long day)
    {
        var start = new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);
        DateTime[] probes = [start, start.AddHours(12), start.AddTicks(TimeSpan.TicksPerDay - 1)];
        var offset = _zone.GetUtcOffset(start);
        foreach (var probe in probes)
        {
            if (_zone.IsInvalidTime(probe) || _zone.IsAmbiguousTime(probe) || _zone.GetUtcOffset(probe) != offset)
            {
                return null;
            }
        }

        return offset.Ticks;
    }

    private sealed record Entry(long Day, long? OffsetTicks);
}

/// <summary>A fast path for plain decimal numbers (<c>-123.45</c>: a sign, up to 18 digits, one decimal separator).</summary>
internal static class FastDecimal
{
    public static bool TryParse(ReadOnlySpan<char> text, char decimalSeparator, out decimal value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 20)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (text[0] == '-')
        {
            negative = true;
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var d = c - '0';
            if ((uint)d <= 9)
            {
                mantissa = (mantissa * 10) + d;
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (c == decimalSeparator && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || digits > 18 || scale == 0)
        {
            return false;
        }

        if (mantissa == 0)
        {
            negative = false;
        }

        value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
