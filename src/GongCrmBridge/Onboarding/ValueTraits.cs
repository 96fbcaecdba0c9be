using System.Globalization;

namespace GongCrmBridge.Onboarding;

/// <summary>What a column's sampled values are: booleans, numbers (and in which culture's layout).</summary>
public static class ValueTraits
{
    private static readonly HashSet<string> TrueWords = new(["true", "yes", "y", "1"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> FalseWords = new(["false", "no", "n", "0"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether every value is a boolean word (true/false, yes/no, y/n; 1/0 only when
    /// <paramref name="nameSaysBoolean"/>, since 1/0 alone may be a count). Odoo's "True or empty" counts.</summary>
    public static bool AreBooleans(IReadOnlyCollection<string> distinct, bool nameSaysBoolean)
    {
        ArgumentNullException.ThrowIfNull(distinct);
        if (distinct.Count == 0 || !distinct.All(v => TrueWords.Contains(v) || FalseWords.Contains(v)))
        {
            return false;
        }

        return nameSaysBoolean || distinct.Any(v => v.Length > 1 && !char.IsAsciiDigit(v[0]));
    }

    /// <summary>Whether <paramref name="value"/> is a true word (see <see cref="AreBooleans"/>).</summary>
    public static bool IsTrueWord(string value) => TrueWords.Contains(value);

    /// <summary>How every value writes its number: the culture of the layout (see <see cref="NumberCulture"/>) and the
    /// currency marker written with it, if any (<c>$24,000,000.00</c>, <c>USD 1,234.00</c>, <c>1.234,50 €</c>: how
    /// Excel and report exports write amounts); <c>null</c> when the values are not all numbers.</summary>
    public static NumberLayout? NumberLayout(IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (NumberCulture(values) is { } culture)
        {
            return new NumberLayout(culture, CurrencyMarker: null);
        }

        if (CommonCurrencyMarker(values) is not { } marker)
        {
            return null;
        }

        var bare = values.Select(v => v.Replace(marker, string.Empty, StringComparison.Ordinal).Trim()).ToList();
        return NumberCulture(bare) is { } bareCulture ? new NumberLayout(bareCulture, marker) : null;
    }

    /// <summary>The culture whose number layout reads every value: <c>""</c> for the invariant one
    /// (<c>1234.5</c>), <c>en-US</c> (<c>1,234.50</c>), <c>de-DE</c> (<c>1.234,50</c>); <c>null</c> when the values are
    /// not all numbers.</summary>
    public static string? NumberCulture(IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        if (values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return string.Empty;
        }

        foreach (var name in (string[])["en-US", "de-DE"])
        {
            var culture = CultureInfo.GetCultureInfo(name);
            if (values.All(v => decimal.TryParse(v, NumberStyles.Number, culture, out _)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The one currency marker every value carries: a currency symbol, or an ISO 4217-like code of three
    /// capital letters set apart by a space, before or after the number (after a leading minus too); <c>null</c> when the values carry
    /// none, or not all the same one (mixed currencies are not one number column).</summary>
    private static string? CommonCurrencyMarker(IReadOnlyCollection<string> values)
    {
        string? common = null;
        foreach (var value in values)
        {
            if (CurrencyMarker(value.Trim()) is not { } marker || (common is not null && marker != common))
            {
                return null;
            }

            common = marker;
        }

        return common;
    }

    private static string? CurrencyMarker(string value)
    {
        var unsigned = value.StartsWith('-') ? value[1..].TrimStart() : value;
        if (unsigned.Length > 0 && char.GetUnicodeCategory(unsigned[0]) == UnicodeCategory.CurrencySymbol)
        {
            return unsigned[..1];
        }

        if (value.Length > 0 && char.GetUnicodeCategory(value[^1]) == UnicodeCategory.CurrencySymbol)
        {
            return value[^1..];
        }

        // A code stands apart from the number ("USD 1,234.00", "1.234,50 EUR"): "INV-001" is an id, not an amount.
        if (unsigned.Length > 4 && IsCode(unsigned.AsSpan(0, 3)) && unsigned[3] == ' ')
        {
            return unsigned[..3];
        }

        return value.Length > 4 && IsCode(value.AsSpan(value.Length - 3)) && value[^4] == ' ' ? value[^3..] : null;

        static bool IsCode(ReadOnlySpan<char> text) => text is [var a, var b, var c] && char.IsAsciiLetterUpper(a) && char.IsAsciiLetterUpper(b) && char.IsAsciiLetterUpper(c);
    }
}

/// <summary>How a column writes its numbers.</summary>
/// <param name="Culture">The culture of the layout: <c>""</c> (invariant), <c>en-US</c> or <c>de-DE</c>.</param>
/// <param name="CurrencyMarker">The currency symbol or code written with every number, to be removed before reading
/// it; null when there is none.</param>
public sealed record NumberLayout(string Culture, string? CurrencyMarker);
