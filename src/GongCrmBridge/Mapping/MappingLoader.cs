using System.Globalization;
using System.Text;
using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Validation;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Loads a mapping file (SPEC.md, "Mapping file") and compiles it into a <see cref="CompiledMapping"/>.</summary>
/// <remarks>
/// <para>How one value is made, in order: the source (<c>column</c>, <c>template</c> - empty when any of its
/// placeholders is empty - or <c>value</c>); the <c>transform</c> list in its order; <c>map</c> (the trimmed value
/// looked up case-insensitively; <c>"*"</c> catches every other non-empty value; otherwise it passes through); if the
/// result is empty or white space, <c>default</c> (taken as written, not transformed or mapped), else
/// <c>required</c> rejects the record, else the key is left out; then the value is read as its type and checked
/// against Gong's rule. A <c>stringArray</c> is <c>split</c> first and each item transformed, mapped and trimmed;
/// empty items and repeats are dropped.</para>
/// <para>Types: numbers use <c>culture</c> (default invariant), and a group separator must group by three digits
/// (so <c>1,5</c> is not read as 15); booleans are true/false, yes/no, y/n, 1/0; date-times without <c>format</c>
/// are ISO-8601 (<c>yyyy-MM-dd</c>, optional <c>T</c>/space time, fraction, <c>Z</c> or offset). An explicit
/// offset wins; otherwise the time is local to <c>timeZone</c> (IANA id; default UTC). Skipped local times
/// (spring forward) are read with the offset before the gap; repeated ones (fall back) as their first, daylight-time
/// occurrence. Output: dates <c>yyyy-MM-dd</c>, date-times <c>yyyy-MM-ddTHH:mm:ssZ</c> (fraction dropped).</para>
/// <para>Every problem is collected with the file, line and column of its YAML node; nothing stops at the first.</para>
/// </remarks>
public static class MappingLoader
{
    /// <summary>Loads and compiles <paramref name="mappingPath"/>.</summary>
    /// <param name="mappingPath">The mapping file.</param>
    /// <param name="expectedType">The object type the job expects the mapping to produce, or null to take the
    /// file's <c>objectType</c> as is.</param>
    /// <returns>The compiled mapping.</returns>
    /// <exception cref="ConfigurationException">The file is missing or has problems; every problem is listed,
    /// each with the file, line and column of its YAML node.</exception>
    public static CompiledMapping Load(string mappingPath, CrmObjectType? expectedType)
    {
        var problems = new List<ConfigurationProblem>();
        var mapping = Load(mappingPath, expectedType, problems);
        if (problems.Count > 0 || mapping is null)
        {
            throw new ConfigurationException(problems);
        }

        return mapping;
    }

    /// <summary>Loads <paramref name="mappingPath"/>, adding every problem to <paramref name="problems"/>.</summary>
    internal static CompiledMapping? Load(string mappingPath, CrmObjectType? expectedType, List<ConfigurationProblem> problems)
    {
        var before = problems.Count;
        var (yaml, root) = ConfigYaml.Open(mappingPath, problems);
        if (root is null)
        {
            return null;
        }

        var mapping = new MappingCompiler(yaml).Compile(root, expectedType);
        return problems.Count == before ? mapping : null;
    }
}

/// <summary>Turns the YAML of one mapping file into field plans, collecting every problem.</summary>
internal sealed class MappingCompiler
{
    private static readonly string[] TopKeys = ["objectType", "objectId", "modifiedDate", "isDeleted", "url", "fields", "customFields"];
    private static readonly string[] SpecKeys = ["column", "template", "value", "type", "format", "timeZone", "culture", "split", "map", "default", "required", "transform"];
    private static readonly string[] CustomSpecKeys = [.. SpecKeys, "label", "values", "referenceTo"];
    private static readonly string[] ReferenceTargets = ["ACCOUNT", "CONTACT", "DEAL", "LEAD", "USER"];

    private readonly ConfigYaml _yaml;
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigurationProblem> _columnLocations = new(StringComparer.Ordinal);
    private readonly List<CrmSchemaField> _customFields = [];
    private CrmObjectType _type;

    public MappingCompiler(ConfigYaml yaml) => _yaml = yaml;

    public CompiledMapping? Compile(YamlMappingNode root, CrmObjectType? expectedType)
    {
        var entries = _yaml.Entries(root, "mapping", TopKeys).ToDictionary(e => e.Key, e => (e.KeyNode, e.Value), StringComparer.Ordinal);
        if (!ResolveType(root, entries, expectedType))
        {
            return null;
        }

        var plans = new List<FieldPlan>();
        AddTop(plans, entries, root, "objectId", FieldRole.ObjectId, ValueKind.String, FieldRule.ObjectId, required: true);
        AddTop(plans, entries, root, "modifiedDate", FieldRole.ModifiedDate, ValueKind.DateTime, FieldRule.None, required: true);
        AddTop(plans, entries, root, "isDeleted", FieldRole.IsDeleted, ValueKind.Boolean, FieldRule.None, required: false);
        AddTop(plans, entries, root, "url", FieldRole.Url, ValueKind.String, FieldRule.Url, required: false);

        var requiredField = GongFieldCatalog.RequiredUnlessDeleted(_type);
        var sawRequiredField = false;
        if (entries.TryGetValue("fields", out var fields))
        {
            foreach (var (name, keyNode, value) in MappingEntries(fields.Value, "fields"))
            {
                var standard = GongFieldCatalog.Find(_type, name);
                if (standard is null)
                {
                    var known = string.Join(", ", GongFieldCatalog.StandardFields(_type).Select(f => f.Name));
                    var hint = GongFieldCatalog.CommonKeys.Contains(name)
                        ? $"'{name}' goes at the top level of the mapping, not under fields"
                        : _type.AcceptsSchema() ? "declare it under customFields" : $"{_type.ToWireName()} takes no custom fields";
                    _yaml.Problem(keyNode, $"'{name}' is not a standard field of {_type.ToWireName()} (standard fields: {known}); {hint}");
                    continue;
                }

                var isRequiredField = string.Equals(name, requiredField, StringComparison.Ordinal);
                sawRequiredField |= isRequiredField;
                var plan = CompileSpec(value, name, FieldRole.Standard, standard.Kind, standard.Rule, custom: false, out _);
                if (plan is null)
                {
                    continue;
                }

                plan.Reference = (_type, name) switch
                {
                    (CrmObjectType.Contact or CrmObjectType.Deal, "accountId") => ReferenceSlot.AccountId,
                    (CrmObjectType.Deal, "ownerId") => ReferenceSlot.OwnerId,
                    (CrmObjectType.Deal, "stage") => ReferenceSlot.Stage,
                    _ => ReferenceSlot.None,
                };
                plan.IsRequiredUnlessDeleted = isRequiredField;

                plans.Add(plan);
            }
        }

        if (requiredField is not null && !sawRequiredField)
        {
            _yaml.Problem(fields.KeyNode ?? (YamlNode)root, $"a {_type.ToWireName()} mapping must map fields.{requiredField} (Gong requires it)");
        }

        if (entries.TryGetValue("customFields", out var customFields))
        {
            if (!_type.AcceptsSchema())
            {
                _yaml.Problem(customFields.KeyNode, $"{_type.ToWireName()} does not accept custom fields (Gong takes a schema for ACCOUNT, CONTACT, DEAL and LEAD only)");
            }
            else
            {
                foreach (var (name, keyNode, value) in MappingEntries(customFields.Value, "customFields"))
                {
                    if (GongFieldCatalog.CommonKeys.Contains(name) || GongFieldCatalog.Find(_type, name) is not null)
                    {
                        _yaml.Problem(keyNode, $"'{name}' is a standard key of {_type.ToWireName()}; map it under fields (or at the top level), not as a custom field");
                        continue;
                    }

                    if (!IsValidUniqueName(name))
                    {
                        _yaml.Problem(keyNode, $"custom field name '{name}' may hold only letters, digits, '_', '-' and '.'");
                        continue;
                    }

                    var plan = CompileSpec(value, name, FieldRole.Custom, ValueKind.String, FieldRule.None, custom: true, out var schema);
                    if (plan is not null && schema is not null)
                    {
                        plans.Add(plan);
                        _customFields.Add(schema);
                    }
                }
            }
        }

        return new CompiledMapping(_type, _yaml.FilePath, _columns, _customFields, [.. plans], _columnLocations);
    }

    private static bool IsValidUniqueName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private bool ResolveType(YamlMappingNode root, Dictionary<string, (YamlScalarNode KeyNode, YamlNode Value)> entries, CrmObjectType? expectedType)
    {
        if (!entries.TryGetValue("objectType", out var typeEntry))
        {
            _yaml.Problem(root, "objectType is missing (one of BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD)");
            if (expectedType is { } fallback)
            {
                _type = fallback;
                return true;
            }

            return false;
        }

        var name = _yaml.Scalar(typeEntry.Value, "objectType");
        if (name is null)
        {
            return false;
        }

        if (!CrmObjectTypes.TryParseWireName(name.Trim(), out var type))
        {
            _yaml.Problem(typeEntry.Value, $"unknown objectType '{name}' (one of BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD; upper case)");
            if (expectedType is { } fallback)
            {
                _type = fallback;
                return true;
            }

            return false;
        }

        if (expectedType is { } expected && expected != type)
        {
            _yaml.Problem(typeEntry.Value, $"the job uses this mapping for {expected.ToWireName()}, but it maps {type.ToWireName()}");
        }

        _type = type;
        return true;
    }

    private void AddTop(
        List<FieldPlan> plans,
        Dictionary<string, (YamlScalarNode KeyNode, YamlNode Value)> entries,
        YamlMappingNode root,
        string key,
        FieldRole role,
        ValueKind kind,
        FieldRule rule,
        bool required)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            if (required)
            {
                var what = role == FieldRole.ObjectId ? "the record's unique id" : "the record's last-modified date-time";
                _yaml.Problem(root, $"{key} is missing: map the column holding {what} (Gong requires it)");
            }

            return;
        }

        var plan = CompileSpec(entry.Value, key, role, kind, rule, custom: false, out _);
        if (plan is not null)
        {
            plans.Add(plan);
        }
    }

    private IEnumerable<(string Name, YamlScalarNode KeyNode, YamlNode Value)> MappingEntries(YamlNode node, string context)
    {
        if (node is YamlMappingNode map)
        {
            return _yaml.Entries(map, context, allowedKeys: null).ToList();
        }

        if (node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        _yaml.Problem(node, $"{context} must be a mapping of field name to field spec");
        return [];
    }

    private FieldPlan? CompileSpec(YamlNode node, string name, FieldRole role, ValueKind kind, FieldRule rule, bool custom, out CrmSchemaField? schema)
    {
        schema = null;
        var label = role switch
        {
            FieldRole.Standard => $"field '{name}'",
            FieldRole.Custom => $"custom field '{name}'",
            _ => name,
        };

        if (node is YamlScalarNode scalar)
        {
            if (custom)
            {
                _yaml.Problem(node, $"{label}: a custom field needs a spec with at least column and type, e.g. {{ column: X, type: STRING, label: X }}");
                return null;
            }

            var shorthand = scalar.Value;
            if (string.IsNullOrWhiteSpace(shorthand))
            {
                _yaml.Problem(node, $"{label}: the column name is empty");
                return null;
            }

            return new FieldPlan(name, role, kind, rule)
            {
                Column = UseColumn(shorthand, node),
                Subject = $"{label} (column '{shorthand}')",
            };
        }

        if (node is not YamlMappingNode spec)
        {
            _yaml.Problem(node, $"{label}: a field spec is a column name or a mapping such as {{ column: X }}");
            return null;
        }

        var problemsBefore = _yaml.Problems.Count;
        var keys = _yaml.Entries(spec, label, custom ? CustomSpecKeys : SpecKeys).ToDictionary(e => e.Key, e => (e.KeyNode, e.Value), StringComparer.Ordinal);
        string? Text(string key) => keys.TryGetValue(key, out var e) ? _yaml.Scalar(e.Value, $"{label}: {key}") : null;
        YamlNode? NodeOf(string key) => keys.TryGetValue(key, out var e) ? e.Value : null;

        // The value's shape.
        CrmFieldType? schemaType = null;
        if (custom)
        {
            var typeText = Text("type");
            if (typeText is null)
            {
                _yaml.Problem(spec, $"{label}: type is missing (a Gong schema type: {string.Join(", ", Enum.GetNames<CrmFieldType>().Where(n => n != "STRINGARRAY"))})");
            }
            else if (!typeText.Trim().All(char.IsAsciiLetter) ||
                     !Enum.TryParse<CrmFieldType>(typeText.Trim(), ignoreCase: true, out var parsedType))
            {
                _yaml.Problem(NodeOf("type"), $"{label}: unknown type '{typeText}' (a Gong schema type: {string.Join(", ", Enum.GetNames<CrmFieldType>().Where(n => n != "STRINGARRAY"))})");
            }
            else if (parsedType == CrmFieldType.STRINGARRAY)
            {
                _yaml.Problem(NodeOf("type"), $"{label}: STRINGARRAY can only be used for Gong-defined fields such as ACCOUNT domains");
            }
            else
            {
                schemaType = parsedType;
                (kind, rule) = GongFieldCatalog.ForSchemaType(parsedType);
            }
        }
        else if (Text("type") is { } typeText)
        {
            if (!GongFieldCatalog.TryParseKind(typeText.Trim(), out var given))
            {
                _yaml.Problem(NodeOf("type"), $"{label}: unknown type '{typeText}' (string, number, integer, boolean, date, datetime, stringArray)");
            }
            else if (given != kind)
            {
                _yaml.Problem(NodeOf("type"), $"{label}: Gong takes a {GongFieldCatalog.KindName(kind)} here, so type must be {GongFieldCatalog.KindName(kind)} (or left out)");
            }
        }

        var plan = new FieldPlan(name, role, kind, rule);

        // Where the value comes from.
        var sources = new[] { "column", "template", "value" }.Where(keys.ContainsKey).ToList();
        if (sources.Count != 1)
        {
            _yaml.Problem(sources.Count == 0 ? spec : keys[sources[1]].KeyNode, $"{label}: give exactly one of column, template or value");
        }

        var subjectSource = string.Empty;
        if (keys.ContainsKey("column") && Text("column") is { } column)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                _yaml.Problem(NodeOf("column"), $"{label}: the column name is empty");
            }
            else
            {
                plan.Column = UseColumn(column, NodeOf("column")!);
                subjectSource = $" (column '{column}')";
            }
        }
        else if (keys.ContainsKey("template") && Text("template") is { } template)
        {
            plan.Template = ParseTemplate(template, NodeOf("template")!, label);
            subjectSource = " (template)";
        }
        else if (keys.ContainsKey("value") && Text("value") is { } constant)
        {
            plan.Constant = constant;
            subjectSource = " (value)";
        }

        plan.Subject = label + subjectSource;

        if (keys.ContainsKey("format") && Text("format") is { } format)
        {
            if (kind is not (ValueKind.Date or ValueKind.DateTime))
            {
                _yaml.Problem(NodeOf("format"), $"{label}: format applies to date and datetime values only");
            }
            else if (!IsValidDateFormat(format))
            {
                _yaml.Problem(NodeOf("format"), $"{label}: '{format}' is not a valid .NET date format (e.g. \"MM/dd/yyyy HH:mm:ss\")");
            }
            else
            {
                plan.Format = format;
            }
        }

        if (keys.ContainsKey("timeZone") && Text("timeZone") is { } zoneName)
        {
            if (kind != ValueKind.DateTime)
            {
                _yaml.Problem(NodeOf("timeZone"), $"{label}: timeZone applies to datetime values only");
            }
            else
            {
                try
                {
                    plan.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zoneName.Trim());
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
                {
                    _yaml.Problem(NodeOf("timeZone"), $"{label}: unknown time zone '{zoneName}' (use an IANA name such as America/New_York or Europe/Berlin)");
                }
            }
        }

        if (keys.ContainsKey("culture") && Text("culture") is { } cultureName)
        {
            if (kind is not (ValueKind.Number or ValueKind.Integer or ValueKind.Date or ValueKind.DateTime))
            {
                _yaml.Problem(NodeOf("culture"), $"{label}: culture applies to number, integer, date and datetime values only");
            }
            else
            {
                try
                {
                    plan.Culture = CultureInfo.GetCultureInfo(cultureName.Trim(), predefinedOnly: true);
                }
                catch (CultureNotFoundException)
                {
                    _yaml.Problem(NodeOf("culture"), $"{label}: unknown culture '{cultureName}' (e.g. en-US, de-DE, fr-FR)");
                }
            }
        }

        if (keys.ContainsKey("split") && Text("split") is { } split)
        {
            if (kind != ValueKind.StringArray)
            {
                _yaml.Problem(NodeOf("split"), $"{label}: split applies to stringArray values only");
            }
            else if (split.Length == 0)
            {
                _yaml.Problem(NodeOf("split"), $"{label}: split must not be empty");
            }
            else
            {
                plan.Split = split;
            }
        }

        if (NodeOf("map") is { } mapNode)
        {
            CompileMap(plan, mapNode, label);
        }

        if (NodeOf("transform") is { } transformNode)
        {
            plan.Transforms = CompileTransforms(transformNode, label);
        }

        if (NodeOf("required") is { } requiredNode)
        {
            plan.Required = _yaml.Boolean(requiredNode, $"{label}: required") ?? false;
        }

        if (custom && schemaType is { } fieldType)
        {
            schema = CompileSchema(plan, fieldType, name, label, keys, spec);
        }

        if (keys.ContainsKey("default") && Text("default") is { } defaultValue)
        {
            plan.Default = defaultValue;
        }

        // Constants and defaults are checked once, here, so a bad one is a configuration problem rather than
        // a rejection of every record.
        if (_yaml.Problems.Count == problemsBefore)
        {
            if (plan.Default is not null && plan.CheckConstant(plan.Default) is { } defaultProblem)
            {
                _yaml.Problem(NodeOf("default"), $"default: {defaultProblem}");
            }

            if (plan.Constant is not null && plan.Transforms.Length == 0 && plan.Map is null &&
                !string.IsNullOrWhiteSpace(plan.Constant) && plan.CheckConstant(plan.Constant) is { } constantProblem)
            {
                _yaml.Problem(NodeOf("value"), $"value: {constantProblem}");
            }
        }

        return _yaml.Problems.Count == problemsBefore ? plan : null;
    }

    private CrmSchemaField? CompileSchema(
        FieldPlan plan,
        CrmFieldType fieldType,
        string name,
        string label,
        Dictionary<string, (YamlScalarNode KeyNode, YamlNode Value)> keys,
        YamlMappingNode spec)
    {
        var caption = name;
        if (keys.TryGetValue("label", out var labelEntry) && _yaml.RequiredText(labelEntry.Value, $"{label}: label") is { } labelText)
        {
            caption = labelText;
        }

        List<string>? values = null;
        if (keys.TryGetValue("values", out var valuesEntry))
        {
            if (fieldType != CrmFieldType.PICKLIST)
            {
                _yaml.Problem(valuesEntry.KeyNode, $"{label}: values apply to PICKLIST fields only");
            }
            else if (valuesEntry.Value is not YamlSequenceNode list || list.Children.Count == 0)
            {
                _yaml.Problem(valuesEntry.Value, $"{label}: values must be a non-empty list, e.g. [Pipeline, Commit]");
            }
            else
            {
                values = [];
                var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var item in list.Children)
                {
                    var text = _yaml.RequiredText(item, $"{label}: a PICKLIST value");
                    if (text is null)
                    {
                        continue;
                    }

                    if (!lookup.TryAdd(text.Trim(), text))
                    {
                        _yaml.Problem(item, $"{label}: PICKLIST value '{text}' is listed twice");
                        continue;
                    }

                    values.Add(text);
                }

                plan.Picklist = lookup;
            }
        }
        else if (fieldType == CrmFieldType.PICKLIST)
        {
            _yaml.Problem(spec, $"{label}: a PICKLIST needs values (the allowed values, in display order)");
        }

        string? referenceTo = null;
        if (keys.TryGetValue("referenceTo", out var referenceEntry))
        {
            var target = _yaml.Scalar(referenceEntry.Value, $"{label}: referenceTo")?.Trim();
            if (fieldType != CrmFieldType.REFERENCE)
            {
                _yaml.Problem(referenceEntry.KeyNode, $"{label}: referenceTo applies to REFERENCE fields only");
            }
            else if (target == "BUSINESS_USER")
            {
                referenceTo = "USER";
            }
            else if (target is not null && ReferenceTargets.Contains(target, StringComparer.Ordinal))
            {
                referenceTo = target;
            }
            else if (target is not null)
            {
                _yaml.Problem(referenceEntry.Value, $"{label}: referenceTo must be ACCOUNT, CONTACT, DEAL, LEAD or USER");
            }
        }
        else if (fieldType == CrmFieldType.REFERENCE)
        {
            _yaml.Problem(spec, $"{label}: a REFERENCE needs referenceTo (ACCOUNT, CONTACT, DEAL, LEAD or USER)");
        }

        return new CrmSchemaField(name, caption, fieldType, referenceTo, values);
    }

    private void CompileMap(FieldPlan plan, YamlNode node, string label)
    {
        if (node is not YamlMappingNode map)
        {
            _yaml.Problem(node, $"{label}: map must be a mapping of export value to Gong value, e.g. {{ \"Closed Won\": WON }}");
            return;
        }

        var dictionary = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
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
                if (plan.CatchAll is not null)
                {
                    _yaml.Problem(from, $"{label}: map has two \"*\" entries");
                }

                plan.CatchAll = value;
                continue;
            }

            if (!dictionary.TryAdd(key.Trim(), value))
            {
                _yaml.Problem(from, $"{label}: map lists '{key}' twice (keys are compared case-insensitively)");
            }
        }

        plan.Map = dictionary;
    }

    private Transform[] CompileTransforms(YamlNode node, string label)
    {
        var items = node switch
        {
            YamlSequenceNode sequence => sequence.Children.ToList(),
            YamlScalarNode => [node],
            _ => null,
        };
        if (items is null)
        {
            _yaml.Problem(node, $"{label}: transform must be a list, e.g. [trim, lower]");
            return [];
        }

        var transforms = new List<Transform>();
        foreach (var item in items)
        {
            var text = _yaml.Scalar(item, $"{label}: a transform");
            if (text is null)
            {
                continue;
            }

            if (Transforms.TryParse(text.Trim(), out var transform))
            {
                transforms.Add(transform);
            }
            else
            {
                _yaml.Problem(item, $"{label}: unknown transform '{text}' (one of {Transforms.Names})");
            }
        }

        return [.. transforms];
    }

    private TemplatePart[] ParseTemplate(string template, YamlNode node, string label)
    {
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                var column = end < 0 ? string.Empty : template[(i + 1)..end].Trim();
                if (column.Length == 0)
                {
                    _yaml.Problem(node, $"{label}: template has an unclosed or empty {{placeholder}} (write {{{{ for a literal brace)");
                    return [];
                }

                if (literal.Length > 0)
                {
                    parts.Add(new TemplatePart(literal.ToString(), -1));
                    literal.Clear();
                }

                parts.Add(new TemplatePart(null, UseColumn(column, node)));
                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(literal.ToString(), -1));
        }

        return [.. parts];
    }

    private int UseColumn(string column, YamlNode node)
    {
        if (_columnIndex.TryGetValue(column, out var index))
        {
            return index;
        }

        index = _columns.Count;
        _columns.Add(column);
        _columnIndex.Add(column, index);
        _columnLocations[column] = _yaml.At(node, $"column '{column}' is not in the export's header");
        return index;
    }

    private static bool IsValidDateFormat(string format)
    {
        try
        {
            var sample = new DateTimeOffset(2024, 1, 31, 13, 45, 30, TimeSpan.Zero);
            var text = sample.ToString(format, CultureInfo.InvariantCulture);
            return text.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
