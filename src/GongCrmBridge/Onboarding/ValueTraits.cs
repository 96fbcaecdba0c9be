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
}
