namespace GongCrmBridge.Mapping;

/// <summary>How a reason names an offending value (SPEC.md: picklist, map, number, boolean and date problems only,
/// never e-mail, phone, name or free text): quoted, at most 40 characters.</summary>
internal static class ValueText
{
    /// <summary>The longest value a reason quotes.</summary>
    public const int MaxLength = 40;

    /// <summary>Returns <c>'value'</c>, cut at <see cref="MaxLength"/> characters with <c>…</c>.</summary>
    public static string Quote(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        return value.Length <= MaxLength ? $"'{value}'" : $"'{value[..MaxLength]}…'";
    }
}
