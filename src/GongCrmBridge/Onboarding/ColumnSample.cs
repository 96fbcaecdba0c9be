namespace GongCrmBridge.Onboarding;

/// <summary>The sampled cells of one column: the non-empty values and how many of them are distinct.</summary>
/// <param name="name">The name a mapping addresses it by (<c>Name#2</c> for a repeated header).</param>
/// <param name="headerName">The name as the header writes it.</param>
public sealed class ColumnSample(string name, string headerName)
{
    private readonly List<string> _values = [];
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);

    /// <summary>The name a mapping addresses the column by.</summary>
    public string Name { get; } = name;

    /// <summary>The name as the header writes it (repeated names are not numbered here).</summary>
    public string HeaderName { get; } = headerName;

    /// <summary>Whether the header repeats this column's name before it.</summary>
    public bool IsRepeat => !string.Equals(Name, HeaderName, StringComparison.Ordinal);

    /// <summary>The non-empty cells, trimmed, in row order.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The distinct non-empty cells.</summary>
    public IReadOnlyCollection<string> Distinct => _distinct;

    internal void Add(string cell)
    {
        var value = cell.Trim();
        if (value.Length == 0)
        {
            return;
        }

        _values.Add(value);
        _distinct.Add(value);
    }
}
