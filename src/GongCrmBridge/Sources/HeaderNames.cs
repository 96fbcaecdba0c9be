using System.Globalization;

namespace GongCrmBridge.Sources;

/// <summary>Makes a CSV header's names unique (SPEC.md, "Everyday data"): a repeated name keeps its plain form for
/// the first occurrence and becomes <c>Name#2</c>, <c>Name#3</c>, ... for the next ones, so a mapping can reach each.</summary>
internal static class HeaderNames
{
    /// <summary>Returns the header with repeats renamed, and the names that repeat (for the <c>duplicate-header</c>
    /// warning). Names are compared as the header matches columns: ignoring case and surrounding spaces.</summary>
    public static string[] Disambiguate(string[] header, out IReadOnlyList<string> repeated)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = new string[header.Length];
        var repeats = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var key = header[i].Trim();
            var count = seen.GetValueOrDefault(key) + 1;
            seen[key] = count;
            names[i] = count == 1 ? header[i] : $"{key}#{count.ToString(CultureInfo.InvariantCulture)}";
            if (count == 2)
            {
                repeats.Add(key);
            }
        }

        repeated = repeats;
        return names;
    }
}
