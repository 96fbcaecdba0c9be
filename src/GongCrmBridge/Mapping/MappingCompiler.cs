using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Validation;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Turns the YAML of one mapping file into a <see cref="CompiledMapping"/>: the object type, the top-level
/// keys, the standard fields, then the custom fields, collecting every problem.</summary>
/// <remarks>One compiler per file: it collects the file's columns and plans as it goes.</remarks>
internal sealed class MappingCompiler
{
    private static readonly string[] TopKeys = ["objectType", "objectId", "modifiedDate", "isDeleted", "url", "fields", "customFields", "nullValues", "where", "onInvalid"];

    private readonly ConfigYaml _yaml;
    private readonly ColumnRegistry _columns;
    private readonly FieldSpecCompiler _fields;
    private readonly List<FieldPlan> _plans = [];
    private readonly List<CrmSchemaField> _customFields = [];
    private CrmObjectType _type;

    public MappingCompiler(ConfigYaml yaml)
    {
        _yaml = yaml;
        _columns = new ColumnRegistry(yaml);
        _fields = new FieldSpecCompiler(yaml, _columns);
    }

    public CompiledMapping? Compile(YamlMappingNode root, CrmObjectType? expectedType)
    {
        var entries = _yaml.Entries(root, "mapping", TopKeys).ToDictionary(e => e.Key, e => (e.KeyNode, e.Value), StringComparer.Ordinal);
        if (!ResolveType(root, entries, expectedType))
        {
            return null;
        }

        if (entries.TryGetValue("nullValues", out var nulls))
        {
            _fields.MappingNulls = new EverydayKeyReader(_yaml, _columns).ReadNullList(nulls.Value, "nullValues");
        }

        if (entries.TryGetValue("onInvalid", out var onInvalid))
        {
            _fields.MappingOmits = new EverydayKeyReader(_yaml, _columns).ReadMappingOnInvalid(onInvalid.Value);
        }

        AddTop(entries, root, "objectId", FieldRole.ObjectId, ValueKind.String, FieldRule.ObjectId, required: true);
        AddTop(entries, root, "modifiedDate", FieldRole.ModifiedDate, ValueKind.DateTime, FieldRule.None, required: true);
        AddTop(entries, root, "isDeleted", FieldRole.IsDeleted, ValueKind.Boolean, FieldRule.None, required: false);
        AddTop(entries, root, "url", FieldRole.Url, ValueKind.String, FieldRule.Url, required: false);
        AddStandardFields(entries, root);
        AddCustomFields(entries);
        var where = entries.TryGetValue("where", out var whereEntry) ? WhereReader.Read(_yaml, whereEntry.Value, _columns) : [];
        return new CompiledMapping(_type, _yaml.FilePath, _columns.Columns, _customFields, [.. _plans], _columns.MissingColumnProblems)
        {
            Where = where,
            OptionalColumns = _columns.OptionalColumns,
        };
    }

    private static bool IsValidUniqueName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private bool ResolveType(YamlMappingNode root, Dictionary<string, (YamlScalarNode KeyNode, YamlNode Value)> entries, CrmObjectType? expectedType)
    {
        if (!entries.TryGetValue("objectType", out var typeEntry))
        {
            _yaml.Problem(root, "objectType is missing (one of BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD)");
            return UseFallback(expectedType);
        }

        var name = _yaml.Scalar(typeEntry.Value, "objectType");
        if (name is null)
        {
            return false;
        }

        if (!CrmObjectTypes.TryParseWireName(name.Trim(), out var type))
        {
            _yaml.Problem(typeEntry.Value, $"unknown objectType '{name}' (one of BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD; upper case)");
            return UseFallback(expectedType);
        }

        if (expectedType is { } expected && expected != type)
        {
            _yaml.Problem(typeEntry.Value, $"the job uses this mapping for {expected.ToWireName()}, but it maps {type.ToWireName()}");
        }

        _type = type;
        return true;
    }

    /// <summary>Without a usable objectType, the type the job expects still lets the rest of the file be checked.</summary>
    private bool UseFallback(CrmObjectType? expectedType)
    {
        if (expectedType is not { } fallback)
        {
            return false;
        }

        _type = fallback;
        return true;
    }

    /// <summary><c>objectId</c>, <c>modifiedDate</c>, <c>isDeleted</c>, <c>url</c>: the keys every object type has.</summary>
    private void AddTop(
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

        Add(_fields.Compile(entry.Value, new FieldSpec(key, role, kind, rule)));
    }

    /// <summary><c>fields</c>: Gong's standard fields of the type, by their exact names.</summary>
    private void AddStandardFields(Dictionary<string, (YamlScalarNode KeyNode, YamlNode Value)> entries, YamlMappingNode root)
    {
        var requiredField = GongFieldCatalog.RequiredUnlessDeleted(_type);
        var sawRequiredField = false;
        entries.TryGetValue("fields", out var fields);
        foreach (var (name, keyNode, value) in MappingEntries(fields.Value, "fields"))
        {
            if (GongFieldCatalog.Find(_type, name) is not { } standard)
            {
                _yaml.Problem(keyNode, $"'{name}' is not a standard field of {_type.ToWireName()} (standard fields: {KnownFields()}); {Hint(name)}");
                continue;
            }

            var isRequiredField = string.Equals(name, requiredField, StringComparison.Ordinal);
            sawRequiredField |= isRequiredField;
            Add(_fields.Compile(value, new FieldSpec(name, FieldRole.Standard, standard.Kind, standard.Rule)
            {
                Reference = ReferenceSlotOf(name),
                IsRequiredUnlessDeleted = isRequiredField,
            }));
        }

        if (requiredField is not null && !sawRequiredField)
        {
            _yaml.Problem(fields.KeyNode ?? (YamlNode)root, $"a {_type.ToWireName()} mapping must map fields.{requiredField} (Gong requires it)");
        }

        string KnownFields() => string.Join(", ", GongFieldCatalog.StandardFields(_type).Select(f => f.Name));

        string Hint(string name) => GongFieldCatalog.CommonKeys.Contains(name)
            ? $"'{name}' goes at the top level of the mapping, not under fields"
            : _type.AcceptsSchema() ? "declare it under customFields" : $"{_type.ToWireName()} takes no custom fields";
    }

    /// <summary><c>customFields</c>: fields the job declares in Gong's schema (ACCOUNT, CONTACT, DEAL, LEAD).</summary>
    private void AddCustomFields(Dictionary<string, (YamlScalarNode KeyNode, YamlNode Value)> entries)
    {
        if (!entries.TryGetValue("customFields", out var customFields))
        {
            return;
        }

        if (!_type.AcceptsSchema())
        {
            _yaml.Problem(customFields.KeyNode, $"{_type.ToWireName()} does not accept custom fields (Gong takes a schema for ACCOUNT, CONTACT, DEAL and LEAD only)");
            return;
        }

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

            var plan = _fields.CompileCustom(value, name, out var schema);
            if (plan is not null && schema is not null)
            {
                _plans.Add(plan);
                _customFields.Add(schema);
            }
        }
    }

    /// <summary>The ids a record points at, kept for the job-wide referential checks.</summary>
    private ReferenceSlot ReferenceSlotOf(string name) => (_type, name) switch
    {
        (CrmObjectType.Contact or CrmObjectType.Deal, "accountId") => ReferenceSlot.AccountId,
        (CrmObjectType.Deal, "ownerId") => ReferenceSlot.OwnerId,
        (CrmObjectType.Deal, "stage") => ReferenceSlot.Stage,
        _ => ReferenceSlot.None,
    };

    private void Add(FieldPlan? plan)
    {
        if (plan is not null)
        {
            _plans.Add(plan);
        }
    }

    private List<(string Name, YamlScalarNode KeyNode, YamlNode Value)> MappingEntries(YamlNode? node, string context)
    {
        if (node is null)
        {
            return [];
        }

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
}
