using System.Diagnostics.CodeAnalysis;

namespace GongCrmBridge.Validation;

/// <summary>The values a PICKLIST custom field allows: matched case-insensitively on the trimmed cell, sent in the
/// spelling the mapping declares.</summary>
internal sealed class PicklistValues
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Initializes a new instance of the <see cref="PicklistValues"/> class.</summary>
    /// <param name="declared">Each value, keyed by its trimmed spelling with a case-insensitive comparer.</param>
    public PicklistValues(Dictionary<string, string> declared)
    {
        _lookup = declared.GetAlternateLookup<ReadOnlySpan<char>>();
        Listing = string.Join(", ", declared.Values.Take(12)) + (declared.Count > 12 ? $", ... ({declared.Count} values)" : string.Empty);
    }

    /// <summary>Gets the allowed values for a reason (the first 12).</summary>
    public string Listing { get; }

    /// <summary>Finds <paramref name="value"/> (already trimmed) among the values, without allocating.</summary>
    public bool TryMatch(ReadOnlySpan<char> value, [MaybeNullWhen(false)] out string declared) => _lookup.TryGetValue(value, out declared);
}
