using System.Text;

namespace GongCrmBridge.Onboarding;

/// <summary>Turns export column names into custom-field names a person would write: <c>SLA__c</c> → <c>sla</c>,
/// <c>HasOptedOutOfEmail</c> → <c>hasOptedOutOfEmail</c>, <c>Deal - Lost reason</c> → <c>lostReason</c>,
/// <c>Account Owner.id</c> → <c>accountOwnerId</c>. Names are unique within one mapping.</summary>
public sealed class CustomFieldNames
{
    // Pipedrive writes "<Entity> - <Field>": the entity is the file's, the field is the name.
    private static readonly string[] EntityPrefixes = ["Deal - ", "Person - ", "Organization - ", "Lead - ", "Activity - ", "Product - "];
    private readonly HashSet<string> _taken;

    /// <summary>Creates a namer that never returns one of <paramref name="reserved"/> (the mapping's other keys).</summary>
    public CustomFieldNames(IEnumerable<string> reserved) => _taken = new HashSet<string>(reserved, StringComparer.OrdinalIgnoreCase);

    /// <summary>The name for <paramref name="column"/>, numbered (<c>region2</c>) when taken.</summary>
    public string For(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = Base(column);
        var unique = name;
        for (var n = 2; !_taken.Add(unique); n++)
        {
            unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static string Base(string column)
    {
        var text = column.Trim();
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        text = hash > 0 ? text[..hash] : text;
        if (text.EndsWith("__c", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^3];
            var ns = text.IndexOf("__", StringComparison.Ordinal); // a managed package's "ns__Field"
            text = ns > 0 ? text[(ns + 2)..] : text;
        }

        text = AsciiLetters(text);
        text = EntityPrefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix ? text[prefix.Length..] : text;
        var words = Words(text);
        if (words.Count == 0)
        {
            return "field";
        }

        var name = new StringBuilder();
        foreach (var word in words)
        {
            var lower = new string([.. word.Select(char.ToLowerInvariant)]);
            name.Append(name.Length == 0 ? lower : char.ToUpperInvariant(lower[0]) + lower[1..]);
        }

        return char.IsAsciiDigit(name[0]) ? "f" + name : name.ToString();
    }

    // "Geändert" -> "Geandert": accents dropped, so the name stays ASCII and readable.
    private static string AsciiLetters(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    // Words split at separators and at camel-case humps: "SLAStatus" -> SLA, Status; "NumberOfEmployees" -> Number, Of, Employees.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var hump = current.Length > 0 && char.IsUpper(c) &&
                       (char.IsLower(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1]) && char.IsUpper(text[i - 1])));
            if (hump)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
