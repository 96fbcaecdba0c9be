namespace GongCrmBridge.Mapping;

/// <summary>The cell texts that mean "empty" (<c>nullValues</c>): compared exactly on the trimmed cell.</summary>
/// <remarks>Checked for every cell a field reads, so a length mask rules out nearly every cell with one test and the
/// texts are compared only for cells of a listed length.</remarks>
internal sealed class NullValues
{
    /// <summary>The words every mapping treats as empty unless it sets its own <c>nullValues</c>: the text <c>null</c>
    /// that HubSpot and many database dumps write for a missing value, and Salesforce's empty-lookup placeholder
    /// (<c>000000000000000AAA</c>, never a real record id).</summary>
    public static readonly NullValues Default = new(["null", "NULL", "000000000000000AAA"]);

    private readonly string[] _values;
    private readonly ulong _lengths;

    public NullValues(IReadOnlyList<string> values)
    {
        _values = [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
        foreach (var value in _values)
        {
            _lengths |= 1UL << Math.Min(value.Length, 63);
        }
    }

    /// <summary>Gets the texts, as written.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Whether <paramref name="cell"/> (trimmed) is one of the texts.</summary>
    public bool Matches(ReadOnlySpan<char> cell)
    {
        if (((_lengths >> Math.Min(cell.Length, 63)) & 1) == 0)
        {
            cell = cell.Trim();
            if (((_lengths >> Math.Min(cell.Length, 63)) & 1) == 0)
            {
                return false;
            }
        }

        cell = cell.Trim();
        foreach (var value in _values)
        {
            if (cell.SequenceEqual(value))
            {
                return true;
            }
        }

        return false;
    }
}
