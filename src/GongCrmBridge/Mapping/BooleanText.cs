namespace GongCrmBridge.Mapping;

/// <summary>The boolean spellings accepted in exports and configuration files.</summary>
internal static class BooleanText
{
    /// <summary>Parses true/false, yes/no, y/n, 1/0 (case-insensitive).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("1", StringComparison.Ordinal) ||
            text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("y", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("0", StringComparison.Ordinal) ||
            text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("n", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }
}
