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

    /// <summary>Gets whether the map has a <c>"*"</c> entry.</summary>
    public bool HasCatchAll => _catchAll is not null;

    /// <summary>Gets the <c>"*"</c> entry's value, if any.</summary>
    public string? CatchAll => _catchAll;

    /// <summary>Returns what <paramref name="value"/> maps to; an empty or white-space value is returned as it is.</summary>
    public ReadOnlySpan<char> Apply(ReadOnlySpan<char> value) => Apply(value, out _);

    /// <summary>As <see cref="Apply(ReadOnlySpan{char})"/>, saying whether the <c>"*"</c> entry took the value.</summary>
    public ReadOnlySpan<char> Apply(ReadOnlySpan<char> value, out bool caught)
    {
        caught = false;
        var key = value.Trim();
        if (key.IsEmpty)
        {
            return value;
        }

        if (_lookup.TryGetValue(key, out var mapped))
        {
            return mapped;
        }

        caught = _catchAll is not null;
        return _catchAll is not null ? _catchAll : value;
    }
}
