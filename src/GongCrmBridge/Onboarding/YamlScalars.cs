using System.Text;

namespace GongCrmBridge.Onboarding;

/// <summary>Writes YAML scalars and flow lists that read back as the same text: double-quoted unless plainly safe.</summary>
public static class YamlScalars
{
    // Plain scalars YAML would read as a boolean or null (any case).
    private static readonly HashSet<string> Keywords =
        new(["true", "false", "yes", "no", "null", "on", "off", "y", "n", "~"], StringComparer.OrdinalIgnoreCase);

    /// <summary><paramref name="value"/> as a YAML scalar.</summary>
    public static string Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var plain = value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-') &&
                    char.IsAsciiLetter(value[0]) && !Keywords.Contains(value);
        if (plain)
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary><paramref name="values"/> as a YAML flow list: <c>[a, "b c"]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Scalar)) + "]";

    /// <summary>One value as a scalar, several as a flow list (the form of <c>column</c> and <c>format</c>).</summary>
    public static string OneOrList(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 1 ? Scalar(values[0]) : List(values);
    }
}
