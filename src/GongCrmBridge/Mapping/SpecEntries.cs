using GongCrmBridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>The keys of one field spec (a YAML mapping such as <c>{ column: X, type: date }</c>), checked once
/// against the keys a spec may have; each read reports a problem at its node rather than throwing.</summary>
internal sealed class SpecEntries
{
    private readonly ConfigYaml _yaml;
    private readonly Dictionary<string, (YamlScalarNode KeyNode, YamlNode Value)> _entries;

    public SpecEntries(ConfigYaml yaml, YamlMappingNode spec, string label, IReadOnlyCollection<string> allowedKeys)
    {
        _yaml = yaml;
        Spec = spec;
        Label = label;
        _entries = yaml.Entries(spec, label, allowedKeys).ToDictionary(e => e.Key, e => (e.KeyNode, e.Value), StringComparer.Ordinal);
    }

    /// <summary>Gets the spec's node.</summary>
    public YamlMappingNode Spec { get; }

    /// <summary>Gets how problems name the field, e.g. <c>field 'closeDate'</c>.</summary>
    public string Label { get; }

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>Returns the key's node, or null when the key is absent.</summary>
    public YamlScalarNode? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.KeyNode : null;

    /// <summary>Returns the key's value node, or null when the key is absent.</summary>
    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>Returns the key's text, or null when the key is absent or (with a problem) not a single value.</summary>
    public string? Text(string key) => _entries.TryGetValue(key, out var entry) ? _yaml.Scalar(entry.Value, $"{Label}: {key}") : null;
}
