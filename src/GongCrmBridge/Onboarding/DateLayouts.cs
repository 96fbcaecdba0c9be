using System.Globalization;

namespace GongCrmBridge.Onboarding;

/// <summary>Finds the .NET date layouts (<c>format</c>) that read every value of a column: one layout, or a short
/// list when the column mixes layouts (an export partly re-saved in Excel).</summary>
public static class DateLayouts
{
    // Most specific first: the first layout that reads a value is the one proposed for it.
    private static readonly string[] IsoLike =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd",
    ];

    private static readonly string[] MonthFirst =
    [
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy",
        "M/d/yy h:mm tt", "M/d/yy H:mm", "M/d/yy",
    ];

    private static readonly string[] DayFirst = ["d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy", "d/M/yy H:mm", "d/M/yy"];

    /// <summary>The layouts that together read every value, in the order to try them (at most three), or
    /// <c>null</c> when some value reads with none. Slash dates are month-first (US, and Excel's en-US re-save)
    /// unless a value only reads day-first (<c>31/12/2024</c>).</summary>
    /// <param name="values">The column's non-empty values.</param>
    public static IReadOnlyList<string>? Detect(IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var dayFirst = values.Any(v => Reads(v, DayFirst) is not null && Reads(v, MonthFirst) is null);
        string[] candidates = [.. IsoLike, .. dayFirst ? DayFirst : MonthFirst];
        var chosen = new List<string>();
        foreach (var value in values)
        {
            if (chosen.Any(format => Reads(value, [format]) is not null))
            {
                continue;
            }

            var format = Reads(value, candidates);
            if (format is null || chosen.Count == 3)
            {
                return null;
            }

            chosen.Add(format);
        }

        return chosen;
    }

    /// <summary>Whether every layout of <paramref name="formats"/> keeps a time of day.</summary>
    public static bool HasTime(IEnumerable<string> formats) => formats.All(f => f.Contains('H', StringComparison.Ordinal) || f.Contains('h', StringComparison.Ordinal));

    private static string? Reads(string value, string[] formats) =>
        formats.FirstOrDefault(f => DateTime.TryParseExact(value, f, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _));
}
