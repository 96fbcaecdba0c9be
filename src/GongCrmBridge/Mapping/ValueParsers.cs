using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GongCrmBridge.Mapping;

/// <summary>Span parsers and UTF-8 formatters for the typed values of a mapping.</summary>
internal static class ValueParsers
{
    private const NumberStyles DecimalStyles = NumberStyles.Number | NumberStyles.AllowExponent;
    private const NumberStyles IntegerStyles = NumberStyles.Integer | NumberStyles.AllowThousands;

    /// <summary>Parses a decimal number in <paramref name="numbers"/>' format. Group separators must group by
    /// three digits, so <c>1,5</c> is not silently read as 15 with the invariant culture.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, NumberFormatInfo numbers, out decimal value)
    {
        text = text.Trim();
        if (!GroupingIsValid(text, numbers))
        {
            value = 0;
            return false;
        }

        return decimal.TryParse(text, DecimalStyles, numbers, out value);
    }

    /// <summary>Parses an integer in <paramref name="numbers"/>' format (group separators by three digits).</summary>
    public static bool TryParseInteger(ReadOnlySpan<char> text, NumberFormatInfo numbers, out long value)
    {
        text = text.Trim();
        if (!GroupingIsValid(text, numbers))
        {
            value = 0;
            return false;
        }

        return long.TryParse(text, IntegerStyles, numbers, out value);
    }

    /// <summary>
    /// Parses ISO-8601 <c>yyyy-MM-dd</c>, optionally followed by <c>T</c> or a space, <c>HH:mm</c>, <c>:ss</c>,
    /// a fraction, and <c>Z</c> or an offset <c>±HH:mm</c>/<c>±HHmm</c>/<c>±HH</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The date and time as written (kind unspecified).</param>
    /// <param name="offset">The offset when one was written (<see cref="TimeSpan.Zero"/> for <c>Z</c>), else null.</param>
    [SuppressMessage("Maintainability", "CA1502", Justification = "A hand-written parser on the mapping hot path: one branch per optional part of the ISO-8601 grammar above.")]
    public static bool TryParseIso(ReadOnlySpan<char> text, out DateTime value, out TimeSpan? offset)
    {
        value = default;
        offset = null;
        text = text.Trim();
        if (text.Length < 10 || text[4] != '-' || text[7] != '-' ||
            !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day))
        {
            return false;
        }

        if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        var i = 10;
        if (i < text.Length && text[i] is 'T' or 't' or ' ')
        {
            i++;
            if (!Digits(text, i, 2, out hour) || i + 2 >= text.Length || text[i + 2] != ':' || !Digits(text, i + 3, 2, out minute))
            {
                return false;
            }

            i += 5;
            if (i < text.Length && text[i] == ':')
            {
                if (!Digits(text, i + 1, 2, out second))
                {
                    return false;
                }

                i += 3;
                if (i < text.Length && text[i] is '.' or ',')
                {
                    i++;
                    var start = i;
                    long scale = TimeSpan.TicksPerSecond;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        scale /= 10;
                        fractionTicks += (text[i] - '0') * scale;
                        i++;
                    }

                    if (i == start)
                    {
                        return false;
                    }
                }
            }

            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }
        }

        if (i < text.Length)
        {
            if (text[i] is 'Z' or 'z' && i == text.Length - 1)
            {
                offset = TimeSpan.Zero;
            }
            else if (text[i] is '+' or '-' && TryParseOffset(text[(i + 1)..], out var parsed))
            {
                offset = text[i] == '-' ? -parsed : parsed;
            }
            else
            {
                return false;
            }
        }

        value = new DateTime(year, month, day, hour, minute, second).AddTicks(fractionTicks);
        return true;
    }

    /// <summary>Converts a date-time read from an export to UTC.</summary>
    /// <remarks>
    /// An explicit offset wins. Otherwise the value is local time in <paramref name="zone"/> (UTC when null).
    /// Across daylight-saving changes: a time that does not exist (inside the spring-forward gap, e.g. 02:30 in
    /// America/New_York on 2024-03-10) is read with the offset in force just before the gap, so it lands as
    /// far past the gap's start as it was written (07:30Z, i.e. 03:30 EDT); a time that occurs twice (in the
    /// fall-back hour) is taken as its first occurrence, the daylight-time one.
    /// </remarks>
    public static DateTime ToUtc(DateTime value, TimeSpan? offset, TimeZoneInfo? zone)
    {
        if (offset is { } explicitOffset)
        {
            return DateTime.SpecifyKind(value - explicitOffset, DateTimeKind.Utc);
        }

        if (zone is null)
        {
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        TimeSpan zoneOffset;
        if (zone.IsInvalidTime(value))
        {
            zoneOffset = zone.GetUtcOffset(value.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(value))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(value);
            zoneOffset = offsets[0] > offsets[^1] ? offsets[0] : offsets[^1];
        }
        else
        {
            zoneOffset = zone.GetUtcOffset(value);
        }

        return DateTime.SpecifyKind(value - zoneOffset, DateTimeKind.Utc);
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ssZ</c> (20 bytes) into <paramref name="destination"/>.</summary>
    public static void FormatUtc(DateTime utc, Span<byte> destination)
    {
        FormatDate(utc, destination);
        destination[10] = (byte)'T';
        Two(utc.Hour, destination[11..]);
        destination[13] = (byte)':';
        Two(utc.Minute, destination[14..]);
        destination[16] = (byte)':';
        Two(utc.Second, destination[17..]);
        destination[19] = (byte)'Z';
    }

    /// <summary>Writes <c>yyyy-MM-dd</c> (10 bytes) into <paramref name="destination"/>.</summary>
    public static void FormatDate(DateTime date, Span<byte> destination)
    {
        var year = date.Year;
        destination[0] = (byte)('0' + (year / 1000));
        destination[1] = (byte)('0' + (year / 100 % 10));
        destination[2] = (byte)('0' + (year / 10 % 10));
        destination[3] = (byte)('0' + (year % 10));
        destination[4] = (byte)'-';
        Two(date.Month, destination[5..]);
        destination[7] = (byte)'-';
        Two(date.Day, destination[8..]);
    }

    private static void Two(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }

    private static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = default;
        int hours, minutes = 0;
        if (text.Length == 2 && Digits(text, 0, 2, out hours))
        {
        }
        else if (text.Length == 4 && Digits(text, 0, 2, out hours) && Digits(text, 2, 2, out minutes))
        {
        }
        else if (text.Length == 5 && text[2] == ':' && Digits(text, 0, 2, out hours) && Digits(text, 3, 2, out minutes))
        {
        }
        else
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static bool GroupingIsValid(ReadOnlySpan<char> text, NumberFormatInfo numbers)
    {
        var group = numbers.NumberGroupSeparator;
        if (group.Length == 0 || text.IndexOf(group, StringComparison.Ordinal) < 0)
        {
            return true;
        }

        var decimalAt = text.IndexOf(numbers.NumberDecimalSeparator, StringComparison.Ordinal);
        var integerPart = decimalAt >= 0 ? text[..decimalAt] : text;
        if (integerPart.IndexOf(group, StringComparison.Ordinal) < 0)
        {
            // A group separator after the decimal separator: let the parser reject it.
            return decimalAt < 0 || text[decimalAt..].IndexOf(group, StringComparison.Ordinal) < 0;
        }

        var first = true;
        while (!integerPart.IsEmpty)
        {
            var at = integerPart.IndexOf(group, StringComparison.Ordinal);
            var part = at >= 0 ? integerPart[..at] : integerPart;
            var digits = 0;
            foreach (var c in part)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                }
            }

            if (first ? digits is < 1 or > 3 : digits != 3)
            {
                return false;
            }

            first = false;
            integerPart = at >= 0 ? integerPart[(at + group.Length)..] : [];
        }

        return true;
    }
}
