using System.Text.RegularExpressions;

namespace GongCrmBridge.Mapping;

/// <summary>How a <c>where</c> condition compares its column's cell.</summary>
internal enum RowTest
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Matches,
}

/// <summary>One condition of a mapping's <c>where</c>: a column's trimmed cell compared case-insensitively with texts,
/// or matched by a regular expression.</summary>
/// <param name="Column">The column's index in the chunk.</param>
/// <param name="Test">The comparison.</param>
/// <param name="Values">The texts of equals / notEquals / in / notIn.</param>
/// <param name="Pattern">The regular expression of matches.</param>
internal sealed record RowCondition(int Column, RowTest Test, string[] Values, Regex? Pattern)
{
    public bool Holds(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        if (Test == RowTest.Matches)
        {
            return Pattern!.IsMatch(cell);
        }

        var found = false;
        foreach (var value in Values)
        {
            if (cell.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                found = true;
                break;
            }
        }

        return Test is RowTest.Equals or RowTest.In ? found : !found;
    }
}
