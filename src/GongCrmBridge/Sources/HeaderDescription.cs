using System.Text;

namespace GongCrmBridge.Sources;

/// <summary>Says what an export's header looks like to the reader, for the message about columns a mapping cannot
/// find: the encoding and delimiter it was read with, the names found, and a delimiter that would fit better.</summary>
internal static class HeaderDescription
{
    private const int MaxNames = 12;
    private const int MaxNameLength = 40;
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>Describes <paramref name="header"/>, read from <paramref name="spec"/>, for a user missing
    /// <paramref name="missing"/>.</summary>
    public static string Describe(SourceSpec spec, string[] header, IReadOnlyList<string> missing)
    {
        var separator = CsvRecordSource.ParseDelimiter(spec.Delimiter);
        var text = new StringBuilder();
        var encoding = SourceEncodings.Resolve(spec.Encoding)?.WebName ?? "UTF-8";
        var what = spec.HasHeader ? "its header" : "its records (no header: columns are named 1, 2, ...)";
        text.Append(what).Append(", read as ").Append(encoding).Append(" with '").Append(Show(separator)).Append("' between columns, ");
        if (!spec.HasHeader)
        {
            return text.Append("have ").Append(header.Length).Append(" columns").ToString();
        }

        text.Append("has ").Append(header.Length).Append(header.Length == 1 ? " column: " : " columns: ");
        text.AppendJoin(", ", header.Take(MaxNames).Select(Shorten));
        if (header.Length > MaxNames)
        {
            text.Append(", ...");
        }

        var better = Candidates.Where(c => c != separator).FirstOrDefault(c => FitsBetter(header, c, separator, missing));
        if (better != '\0')
        {
            text.Append("; it looks separated by '").Append(Show(better)).Append("': set source.delimiter: \"").Append(better == '\t' ? "\\t" : better.ToString()).Append('"');
        }

        if (header.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            text.Append("; it holds bytes that are not ").Append(encoding).Append(": set source.encoding (e.g. windows-1252 or latin1)");
        }

        return text.ToString();
    }

    private static bool FitsBetter(string[] header, char candidate, char separator, IReadOnlyList<string> missing)
    {
        var line = string.Join(separator, header);
        var names = line.Split(candidate).Select(n => n.Trim().Trim('"').Trim()).ToArray();
        return names.Length > 1 && missing.Any(m => names.Contains(m.Trim(), StringComparer.OrdinalIgnoreCase));
    }

    private static string Show(char separator) => separator == '\t' ? "\\t" : separator.ToString();

    private static string Shorten(string name)
    {
        name = name.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return name.Length <= MaxNameLength ? $"'{name}'" : $"'{name[..MaxNameLength]}...'";
    }
}
