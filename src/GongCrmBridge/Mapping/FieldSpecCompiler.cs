using System.Globalization;
using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Validation;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Compiles one field spec of a mapping file (a column name, or a mapping of <c>column</c> /
/// <c>template</c> / <c>value</c>, <c>type</c>, <c>format</c>, ...) into a <see cref="FieldPlan"/>, one named step per
/// key, adding every problem found.</summary>
/// <remarks>The steps run in a fixed order, so problems are listed in the same order every time.</remarks>
internal sealed class FieldSpecCompiler
{
    private static readonly string[] SpecKeys = ["column", "template", "value", "type", "format", "timeZone", "culture", "split", "map", "default", "required", "transform", .. EverydayKeyReader.Keys];
    private static readonly string[] CustomSpecKeys = [.. SpecKeys, "label", "values", "referenceTo"];
    private static readonly string[] Sources = ["column", "template", "value"];

    private readonly ConfigYaml _yaml;
    private readonly ColumnRegistry _columns;
    private readonly CustomFieldCompiler _custom;
    private readonly EverydayKeyReader _everyday;

    public FieldSpecCompiler(ConfigYaml yaml, ColumnRegistry columns)
    {
        _yaml = yaml;
        _columns = columns;
        _custom = new CustomFieldCompiler(yaml);
        _everyday = new EverydayKeyReader(yaml, columns);
    }

    /// <summary>Gets or sets the mapping's <c>nullValues</c> (its default when the mapping sets none).</summary>
    public NullValues? MappingNulls { get; set; } = NullValues.Default;

    /// <summary>Gets or sets the mapping's <c>onInvalid</c> (true: omit), or null for SPEC's per-field default.</summary>
    public bool? MappingOmits { get; set; }

    /// <summary>Compiles a standard or top-level field, whose shape and rule Gong defines.</summary>
    /// <returns>The plan, or null when the spec has problems.</returns>
    public FieldPlan? Compile(YamlNode node, FieldSpec field) => Compile(node, field, custom: false, out _);

    /// <summary>Compiles a custom field, whose shape and rule follow its declared Gong schema type.</summary>
    /// <returns>The plan and the field's schema entry, or null when the spec has problems.</returns>
    public FieldPlan? CompileCustom(YamlNode node, string name, out CrmSchemaField? schema) =>
        Compile(node, new FieldSpec(name, FieldRole.Custom, ValueKind.String, FieldRule.None), custom: true, out schema);

    private FieldPlan? Compile(YamlNode node, FieldSpec field, bool custom, out CrmSchemaField? schema)
    {
        schema = null;
        var label = field.Role switch
        {
            FieldRole.Standard => $"field '{field.Name}'",
            FieldRole.Custom => $"custom field '{field.Name}'",
            _ => field.Name,
        };

        if (node is YamlScalarNode scalar)
        {
            return CompileShorthand(scalar, field, label, custom);
        }

        if (node is not YamlMappingNode spec)
        {
            _yaml.Problem(node, $"{label}: a field spec is a column name or a mapping such as {{ column: X }}");
            return null;
        }

        var problemsBefore = _yaml.Problems.Count;
        var entries = new SpecEntries(_yaml, spec, label, custom ? CustomSpecKeys : SpecKeys);
        CrmFieldType? schemaType = null;
        if (custom)
        {
            schemaType = _custom.ReadType(entries, field);
        }
        else
        {
            CheckType(entries, field);
        }

        _everyday.ReadOptional(entries, field);
        _everyday.ReadNullValues(entries, field, MappingNulls);
        ReadSource(entries, field);
        _everyday.ReadFormats(entries, field);
        ReadTimeZone(entries, field);
        ReadCulture(entries, field);
        ReadTransforms(entries, field);
        ReadSplit(entries, field);
        ReadMap(entries, field);
        ReadRequired(entries, field);
        _everyday.ReadOnInvalid(entries, field, MappingOmits);
        if (schemaType is { } type)
        {
            schema = _custom.CompileSchema(entries, field, type);
        }

        ReadDefault(entries, field);
        if (_yaml.Problems.Count != problemsBefore)
        {
            return null;
        }

        var plan = new FieldPlan(field);
        CheckConstants(entries, field, plan);
        return _yaml.Problems.Count == problemsBefore ? plan : null;
    }

    /// <summary><c>name: Column</c>: the value is the column's, as it is.</summary>
    private FieldPlan? CompileShorthand(YamlScalarNode node, FieldSpec field, string label, bool custom)
    {
        if (custom)
        {
            _yaml.Problem(node, $"{label}: a custom field needs a spec with at least column and type, e.g. {{ column: X, type: STRING, label: X }}");
            return null;
        }

        var column = node.Value;
        if (string.IsNullOrWhiteSpace(column))
        {
            _yaml.Problem(node, $"{label}: the column name is empty");
            return null;
        }

        field.Column = _columns.Use(column, node);
        field.Subject = $"{label} (column '{column}')";
        field.Nulls = MappingNulls;
        field.OmitInvalid = EverydayKeyReader.DefaultOmits(field, MappingOmits);
        return new FieldPlan(field);
    }

    /// <summary>A standard field's <c>type</c> may only repeat the shape Gong defines.</summary>
    private void CheckType(SpecEntries entries, FieldSpec field)
    {
        if (entries.Text("type") is not { } typeText)
        {
            return;
        }

        if (!GongFieldCatalog.TryParseKind(typeText.Trim(), out var given))
        {
            _yaml.Problem(entries.Node("type"), $"{entries.Label}: unknown type '{typeText}' (string, number, integer, boolean, date, datetime, stringArray)");
        }
        else if (given != field.Kind)
        {
            var kind = GongFieldCatalog.KindName(field.Kind);
            _yaml.Problem(entries.Node("type"), $"{entries.Label}: Gong takes a {kind} here, so type must be {kind} (or left out)");
        }
    }

    /// <summary>Exactly one of <c>column</c>, <c>template</c> or <c>value</c>; it also names the field in reasons.</summary>
    private void ReadSource(SpecEntries entries, FieldSpec field)
    {
        var label = entries.Label;
        var given = Sources.Where(entries.Has).ToList();
        if (given.Count != 1)
        {
            _yaml.Problem(given.Count == 0 ? entries.Spec : entries.KeyNode(given[1]), $"{label}: give exactly one of column, template or value");
        }

        var subjectSource = string.Empty;
        if (entries.Node("column") is YamlSequenceNode columnList)
        {
            subjectSource = _everyday.ReadColumnList(columnList, entries, field) ?? string.Empty;
        }
        else if (entries.Has("column") && entries.Text("column") is { } column)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                _yaml.Problem(entries.Node("column"), $"{label}: the column name is empty");
            }
            else
            {
                field.Column = _columns.Use(column, entries.Node("column")!, field.Optional);
                subjectSource = $" (column '{column}')";
            }
        }
        else if (entries.Has("template") && entries.Text("template") is { } template)
        {
            field.Template = TemplateParser.Parse(template, entries.Node("template")!, label, _yaml, _columns, field.Optional);
            subjectSource = " (template)";
        }
        else if (entries.Has("value") && entries.Text("value") is { } constant)
        {
            field.Constant = constant;
            field.IsNow = constant.Trim() == "now" && field.Kind is ValueKind.Date or ValueKind.DateTime;
            subjectSource = field.IsNow ? " (value: now)" : " (value)";
            if (field.IsNow && entries.Has("format"))
            {
                _yaml.Problem(entries.KeyNode("format"), $"{label}: value: now is the run's start time; it takes no format");
            }
        }

        field.Subject = label + subjectSource;
    }

    private void ReadTimeZone(SpecEntries entries, FieldSpec field)
    {
        if (!entries.Has("timeZone") || entries.Text("timeZone") is not { } zoneName)
        {
            return;
        }

        if (field.Kind != ValueKind.DateTime)
        {
            _yaml.Problem(entries.Node("timeZone"), $"{entries.Label}: timeZone applies to datetime values only");
            return;
        }

        try
        {
            field.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zoneName.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            _yaml.Problem(entries.Node("timeZone"), $"{entries.Label}: unknown time zone '{zoneName}' (use an IANA name such as America/New_York or Europe/Berlin)");
        }
    }

    private void ReadCulture(SpecEntries entries, FieldSpec field)
    {
        if (!entries.Has("culture") || entries.Text("culture") is not { } cultureName)
        {
            return;
        }

        if (field.Kind is not (ValueKind.Number or ValueKind.Integer or ValueKind.Date or ValueKind.DateTime))
        {
            _yaml.Problem(entries.Node("culture"), $"{entries.Label}: culture applies to number, integer, date and datetime values only");
            return;
        }

        try
        {
            field.Culture = CultureInfo.GetCultureInfo(cultureName.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            _yaml.Problem(entries.Node("culture"), $"{entries.Label}: unknown culture '{cultureName}' (e.g. en-US, de-DE, fr-FR)");
        }
    }

    private void ReadSplit(SpecEntries entries, FieldSpec field)
    {
        var separators = _everyday.ReadSplit(entries, field, field.Transforms.Any(t => t.PicksPiece));
        if (field.Kind == ValueKind.StringArray)
        {
            field.Split = separators?[0];
            if (separators is { Length: > 1 })
            {
                _yaml.Problem(entries.Node("split"), $"{entries.Label}: a stringArray takes one split separator");
            }

            if (field.Transforms.Any(t => t.PicksPiece))
            {
                _yaml.Problem(entries.Node("transform"), $"{entries.Label}: first and last pick one piece of a text field; a stringArray keeps every item");
            }
        }
        else if (separators is not null)
        {
            field.Transforms = [.. field.Transforms.Select(t => t.PicksPiece ? t with { Separators = separators } : t)];
        }
    }

    /// <summary><c>map</c>: export value → Gong value, keys compared case-insensitively, <c>"*"</c> for the rest.</summary>
    private void ReadMap(SpecEntries entries, FieldSpec field)
    {
        if (entries.Node("map") is not { } node)
        {
            return;
        }

        var label = entries.Label;
        if (node is not YamlMappingNode map)
        {
            _yaml.Problem(node, $"{label}: map must be a mapping of export value to Gong value, e.g. {{ \"Closed Won\": WON }}");
            return;
        }

        var dictionary = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? catchAll = null;
        foreach (var (from, to) in map.Children)
        {
            var key = _yaml.Scalar(from, $"{label}: a map key");
            var value = _yaml.Scalar(to, $"{label}: a map value");
            if (key is null || value is null)
            {
                continue;
            }

            if (key == "*")
            {
                if (catchAll is not null)
                {
                    _yaml.Problem(from, $"{label}: map has two \"*\" entries");
                }

                catchAll = value;
                continue;
            }

            if (!dictionary.TryAdd(key.Trim(), value))
            {
                _yaml.Problem(from, $"{label}: map lists '{key}' twice (keys are compared case-insensitively)");
            }
        }

        field.Map = new ValueMap(dictionary, catchAll);
    }

    private void ReadTransforms(SpecEntries entries, FieldSpec field)
    {
        if (entries.Node("transform") is not { } node)
        {
            return;
        }

        var label = entries.Label;
        var items = node switch
        {
            YamlSequenceNode sequence => sequence.Children.ToList(),
            YamlScalarNode => [node],
            _ => null,
        };
        if (items is null)
        {
            _yaml.Problem(node, $"{label}: transform must be a list, e.g. [trim, lower]");
            field.Transforms = [];
            return;
        }

        var transforms = new List<TransformStep>();
        foreach (var item in items)
        {
            if (TransformParser.Read(_yaml, item, label) is { } step)
            {
                transforms.Add(step);
            }
        }

        field.Transforms = transforms;
    }

    private void ReadRequired(SpecEntries entries, FieldSpec field)
    {
        if (entries.Node("required") is { } node)
        {
            field.Required = _yaml.Boolean(node, $"{entries.Label}: required") ?? false;
        }
    }

    private static void ReadDefault(SpecEntries entries, FieldSpec field)
    {
        if (entries.Has("default") && entries.Text("default") is { } value)
        {
            field.Default = value;
        }
    }

    /// <summary>Constants and defaults are checked once, here, so a bad one is a configuration problem rather than a
    /// rejection of every record.</summary>
    private void CheckConstants(SpecEntries entries, FieldSpec field, FieldPlan plan)
    {
        if (field.Default is not null && plan.CheckConstant(field.Default) is { } defaultProblem)
        {
            _yaml.Problem(entries.Node("default"), $"default: {defaultProblem}");
        }

        if (field.Constant is not null && !field.IsNow && field.Transforms.Count == 0 && field.Map is null &&
            !string.IsNullOrWhiteSpace(field.Constant) && plan.CheckConstant(field.Constant) is { } constantProblem)
        {
            _yaml.Problem(entries.Node("value"), $"value: {constantProblem}");
        }
    }
}
