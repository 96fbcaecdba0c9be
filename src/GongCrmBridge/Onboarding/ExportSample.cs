namespace GongCrmBridge.Onboarding;

/// <summary>The first rows of an export, column by column, as <c>init</c> reads them to propose a mapping.</summary>
public sealed class ExportSample
{
    /// <summary>Creates a sample from a header and rows (cells in header order; a short row reads as empty cells).</summary>
    /// <param name="header">The header as the file has it; a repeated name is addressed as <c>Name#2</c>, ...</param>
    /// <param name="rows">The sampled rows.</param>
    public ExportSample(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var columns = new List<ColumnSample>(header.Count);
        foreach (var name in header)
        {
            var occurrence = seen[name] = seen.GetValueOrDefault(name) + 1;
            columns.Add(new ColumnSample(occurrence == 1 ? name : $"{name}#{occurrence}", name));
        }

        var count = 0;
        foreach (var row in rows)
        {
            count++;
            for (var i = 0; i < columns.Count && i < row.Count; i++)
            {
                columns[i].Add(row[i]);
            }
        }

        Columns = columns;
        RowCount = count;
    }

    /// <summary>The columns, in header order.</summary>
    public IReadOnlyList<ColumnSample> Columns { get; }

    /// <summary>How many rows were sampled.</summary>
    public int RowCount { get; }

    /// <summary>The header names as a mapping addresses them (<c>Name#2</c> for a repeat).</summary>
    public IReadOnlyList<string> Names => [.. Columns.Select(c => c.Name)];

    /// <summary>The column named <paramref name="name"/> (trimmed, ignoring case), or <c>null</c>.</summary>
    public ColumnSample? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
}
