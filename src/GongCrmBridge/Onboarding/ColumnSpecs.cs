using static GongCrmBridge.Onboarding.YamlScalars;

namespace GongCrmBridge.Onboarding;

/// <summary>The field spec <c>init</c> proposes for one column, from the column's name and sampled values.</summary>
internal static class ColumnSpecs
{
    /// <summary>A date or date-time spec, <c>{ column: X[, type: T], format: F }</c>; the format is left out when
    /// the sample has no values to learn it from.</summary>
    public static string Date(ColumnSample column, string? type)
    {
        var formats = DateLayouts.Detect(column.Values);
        var typePart = type is null ? string.Empty : $", type: {type}";
        var formatPart = formats is null ? string.Empty : $", format: {OneOrList(formats)}";
        var note = formats is null && column.Values.Count > 0 ? "   # TODO: no common date layout reads these values: set format" : string.Empty;
        return $"{{ column: {Scalar(column.Name)}{typePart}{formatPart} }}{note}";
    }

    /// <summary>A number spec with the culture the values are written in, and the transform that removes their
    /// currency marker when they carry one.</summary>
    public static string Number(ColumnSample column, string type) =>
        $"{{ column: {Scalar(column.Name)}, type: {type}{LayoutKeys(ValueTraits.NumberLayout(column.Values))} }}";

    // ", culture: en-US, transform: [{ replace: ["$", ""] }]": what reads the numbers as the export writes them.
    private static string LayoutKeys(NumberLayout? layout)
    {
        var culture = string.IsNullOrEmpty(layout?.Culture) ? string.Empty : $", culture: {layout.Culture}";
        var marker = layout?.CurrencyMarker is { } symbol ? $", transform: [{{ replace: [{Scalar(symbol)}, \"\"] }}]" : string.Empty;
        return culture + marker;
    }

    /// <summary>A boolean read inverted (an "active" column into <c>isDeleted</c>): each true word maps to false.</summary>
    public static string Inverted(ColumnSample column)
    {
        var entries = column.Distinct.Order(StringComparer.Ordinal)
            .Select(v => $"{Scalar(v)}: \"{(ValueTraits.IsTrueWord(v) ? "false" : "true")}\"");
        return $"{{ column: {Scalar(column.Name)}, map: {{ {string.Join(", ", entries)} }} }}";
    }

    /// <summary>The custom-field line for a column nothing else reads, typed from its values and name.</summary>
    public static string Custom(string name, ColumnSample column, int rowCount)
    {
        var (type, extra) = CustomType(column, rowCount);
        return $"{name}: {{ column: {Scalar(column.Name)}, type: {type}{extra}, label: {Scalar(column.HeaderName)} }}";
    }

    private static (string Type, string Extra) CustomType(ColumnSample column, int rowCount)
    {
        var key = Normalize(column.Name);
        var nameSaysBoolean = StartsWithWord(column.Name, "Is") || StartsWithWord(column.Name, "Has");
        if (column.Values.Count == 0)
        {
            return (nameSaysBoolean ? "BOOLEAN" : NameType(column.Name, key), string.Empty);
        }

        if (ValueTraits.AreBooleans(column.Distinct, nameSaysBoolean))
        {
            return ("BOOLEAN", string.Empty);
        }

        if (!key.EndsWith("id", StringComparison.Ordinal) && DateLayouts.Detect(column.Values) is { } formats)
        {
            return (DateLayouts.HasTime(formats) ? "DATETIME" : "DATE", $", format: {OneOrList(formats)}");
        }

        if (!key.EndsWith("id", StringComparison.Ordinal) && ValueTraits.NumberLayout(column.Values) is { } layout)
        {
            var named = NameType(column.Name, key);
            var type = layout.CurrencyMarker is not null ? "CURRENCY" : named is "CURRENCY" or "PERCENT" ? named : "NUMBER";
            return (type, LayoutKeys(layout));
        }

        var distinct = column.Distinct.Count;
        if (distinct is >= 2 and <= 20 && rowCount >= 4 && distinct < column.Values.Count)
        {
            return ("PICKLIST", $", values: {List(column.Distinct.Order(StringComparer.Ordinal))}");
        }

        var guess = NameType(column.Name, key);
        return guess is "EMAILADDRESS" && !column.Values.All(v => v.Contains('@', StringComparison.Ordinal)) ? ("STRING", string.Empty) : (guess, string.Empty);
    }

    // A type from the name alone (no values to tell).
    private static string NameType(string column, string key) => key switch
    {
        _ when StartsWithWord(column, "Is") || StartsWithWord(column, "Has") => "BOOLEAN",
        _ when key.EndsWith("date", StringComparison.Ordinal) => "DATE",
        _ when column.EndsWith("At", StringComparison.Ordinal) || column.EndsWith("_at", StringComparison.OrdinalIgnoreCase) || column.EndsWith(" at", StringComparison.OrdinalIgnoreCase) => "DATETIME",
        _ when key.Contains("email", StringComparison.Ordinal) => "EMAILADDRESS",
        _ when key.Contains("phone", StringComparison.Ordinal) || key.Contains("mobile", StringComparison.Ordinal) => "PHONENUMBER",
        _ when key.Contains("url", StringComparison.Ordinal) || key.Contains("website", StringComparison.Ordinal) => "URL",
        _ when key.Contains("revenue", StringComparison.Ordinal) || key.Contains("amount", StringComparison.Ordinal) => "CURRENCY",
        _ when key.Contains("percent", StringComparison.Ordinal) || key.Contains("probability", StringComparison.Ordinal) => "PERCENT",
        _ when key.EndsWith("id", StringComparison.Ordinal) => "ID",
        _ when key.Contains("employees", StringComparison.Ordinal) || key.EndsWith("count", StringComparison.Ordinal) || key.StartsWith("numberof", StringComparison.Ordinal) => "NUMBER",
        _ => "STRING",
    };

    // "IsWon", "Is Closed", "HasOptedOutOfEmail", "is_company": the word, then a capital or a separator.
    private static bool StartsWithWord(string column, string word) =>
        column.Length > word.Length && column.StartsWith(word, StringComparison.OrdinalIgnoreCase) &&
        (char.IsUpper(column[word.Length]) || column[word.Length] is ' ' or '_' or '-');

    internal static string Normalize(string column) => new([.. column.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
