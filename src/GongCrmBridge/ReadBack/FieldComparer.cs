using System.Globalization;
using System.Text.Json;

namespace GongCrmBridge.ReadBack;

/// <summary>Compares one field as sent with the same field as Gong reads it back: dates by the instant (or day) they
/// name, numbers by value, everything else exactly.</summary>
/// <remarks>Gong may write a value differently from how it was sent (<c>2024-03-01T08:00:00Z</c> as
/// <c>2024-03-01T08:00:00.000+00:00</c>, <c>48000</c> as <c>48000.0</c> or <c>"48000"</c>): those are the same value.</remarks>
internal static class FieldComparer
{
    /// <summary>Returns whether <paramref name="sent"/> and <paramref name="readBack"/> hold the same value.</summary>
    public static bool SameValue(JsonElement sent, JsonElement readBack)
    {
        if (JsonElement.DeepEquals(sent, readBack))
        {
            return true;
        }

        if (IsNothing(sent) && IsNothing(readBack))
        {
            return true;
        }

        if (Number(sent) is { } left && Number(readBack) is { } right)
        {
            return left == right;
        }

        if (sent.ValueKind == JsonValueKind.String && readBack.ValueKind == JsonValueKind.String)
        {
            return SameInstant(sent.GetString()!, readBack.GetString()!);
        }

        return sent.ValueKind is JsonValueKind.True or JsonValueKind.False && readBack.ValueKind == JsonValueKind.String &&
            bool.TryParse(readBack.GetString(), out var flag) && flag == (sent.ValueKind == JsonValueKind.True);
    }

    /// <summary>Null, or an empty string: what an omitted value reads back as.</summary>
    private static bool IsNothing(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);

    private static decimal? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static bool SameInstant(string sent, string readBack)
    {
        if (!LooksLikeDate(sent) || !LooksLikeDate(readBack))
        {
            return false;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParse(sent, CultureInfo.InvariantCulture, Styles, out var left) &&
            DateTimeOffset.TryParse(readBack, CultureInfo.InvariantCulture, Styles, out var right) &&
            (left == right || (IsDateOnly(sent) || IsDateOnly(readBack)) && left.UtcDateTime.Date == right.UtcDateTime.Date);
    }

    // ISO 8601 as Gong and the mapper write it: yyyy-MM-dd, then optionally a time. Anything else is compared exactly.
    private static bool LooksLikeDate(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-';

    private static bool IsDateOnly(string text) => text.Length == 10;
}
