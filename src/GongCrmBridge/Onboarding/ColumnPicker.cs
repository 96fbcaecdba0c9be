namespace GongCrmBridge.Onboarding;

/// <summary>Hands out an export's columns to the fields that read them, each column once (normalised names:
/// letters and digits, lower case), and keeps the rest for custom-field suggestions.</summary>
internal sealed class ColumnPicker(ExportSample sample)
{
    private readonly HashSet<ColumnSample> _used = [];

    /// <summary>The columns no field took, in header order.</summary>
    public IEnumerable<ColumnSample> Unused => sample.Columns.Where(c => !_used.Contains(c));

    /// <summary>Takes the first unused column whose normalised name is one of <paramref name="candidates"/>, in
    /// the candidates' order.</summary>
    public ColumnSample? Pick(IEnumerable<string> candidates) => Take(Find(candidates));

    /// <summary>Takes the first unused column whose normalised name satisfies <paramref name="test"/>.</summary>
    public ColumnSample? PickWhere(Func<string, bool> test) =>
        Take(sample.Columns.FirstOrDefault(c => !_used.Contains(c) && test(ColumnSpecs.Normalize(c.Name))));

    /// <summary>Finds, without taking, the column <see cref="Pick"/> would take.</summary>
    public ColumnSample? Find(IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            var column = sample.Columns.FirstOrDefault(c => !_used.Contains(c) && !c.IsRepeat && ColumnSpecs.Normalize(c.Name) == candidate);
            if (column is not null)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The column named <paramref name="normalized"/>, used or not.</summary>
    public ColumnSample? Named(string normalized) => sample.Columns.FirstOrDefault(c => ColumnSpecs.Normalize(c.Name) == normalized);

    /// <summary>Marks <paramref name="column"/> as taken.</summary>
    public void Use(ColumnSample column) => _used.Add(column);

    private ColumnSample? Take(ColumnSample? column)
    {
        if (column is not null)
        {
            _used.Add(column);
        }

        return column;
    }
}
