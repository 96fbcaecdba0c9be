using GongCrmBridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>The export columns a mapping reads, numbered in the order a <see cref="Sources.SourceChunk"/> holds them,
/// and where the mapping first names each (so a column missing from the export is reported at that YAML node).</summary>
internal sealed class ColumnRegistry(ConfigYaml yaml)
{
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigurationProblem> _locations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _needed = new(StringComparer.Ordinal);

    /// <summary>Gets the columns, by index.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Gets the problem to report per column when the export's header lacks it.</summary>
    public IReadOnlyDictionary<string, ConfigurationProblem> MissingColumnProblems => _locations;

    /// <summary>Gets the columns the export may lack: only named by fields marked <c>optional</c>.</summary>
    public IReadOnlySet<string> OptionalColumns => _columns.Where(c => !_needed.Contains(c)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Returns the index of <paramref name="column"/>, numbering it when it is named for the first time.</summary>
    /// <param name="column">The column's name.</param>
    /// <param name="node">Where the mapping names it.</param>
    /// <param name="optional">Whether this use allows the export to lack the column (<c>optional: true</c>).</param>
    public int Use(string column, YamlNode node, bool optional = false)
    {
        if (!optional)
        {
            _needed.Add(column);
        }

        if (_index.TryGetValue(column, out var index))
        {
            return index;
        }

        index = _columns.Count;
        _columns.Add(column);
        _index.Add(column, index);
        _locations[column] = yaml.At(node, $"column '{column}' is not in the export's header");
        return index;
    }
}
