namespace GongCrmBridge.Mapping;

/// <summary>A field's <c>map</c>: export values to Gong values, looked up case-insensitively on the trimmed value
/// without allocating; <c>"*"</c> catches every other non-empty value, otherwise a value passes through.</summary>
internal sealed class ValueMap
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string? _catchAll;

    /// <summary>Initializes a new instance of the <see cref="ValueMap"/> class.</summary>
    /// <param name="entries">Gong values keyed by trimmed export value, with a case-insensitive comparer.</param>
    /// <param name="catchAll">The value of the <c>"*"</c> entry, if any.</param>
    public ValueMap(Dictionary<string, string> entries, string? catchAll)
    {
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _catchAll = catchAll;
    }

    /// <summary>Returns what <paramref name="value"/> maps to; an empty or white-space value is returned as it is.</summary>
    public ReadOnlySpan<char> Apply(ReadOnlySpan<char> value)
    {
        var key = value.Trim();
        if (key.IsEmpty)
        {
            return value;
        }

        if (_lookup.TryGetValue(key, out var mapped))
        {
            return mapped;
        }

        return _catchAll is not null ? _catchAll : value;
    }
}
