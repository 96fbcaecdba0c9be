using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Validation;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Reads what only a custom field's spec has: its Gong schema type, <c>label</c>, PICKLIST <c>values</c> and
/// <c>referenceTo</c>, and turns them into the field's entry of Gong's schema.</summary>
internal sealed class CustomFieldCompiler(ConfigYaml yaml)
{
    private static readonly string[] ReferenceTargets = ["ACCOUNT", "CONTACT", "DEAL", "LEAD", "USER"];

    /// <summary>Reads the spec's <c>type</c> (a Gong schema type) and gives the field the matching shape and rule.</summary>
    /// <returns>The type, or null with a problem.</returns>
    public CrmFieldType? ReadType(SpecEntries entries, FieldSpec field)
    {
        var label = entries.Label;
        var typeText = entries.Text("type");
        if (typeText is null)
        {
            yaml.Problem(entries.Spec, $"{label}: type is missing (a Gong schema type: {SchemaTypeNames()})");
            return null;
        }

        if (!typeText.Trim().All(char.IsAsciiLetter) ||
            !Enum.TryParse<CrmFieldType>(typeText.Trim(), ignoreCase: true, out var type))
        {
            yaml.Problem(entries.Node("type"), $"{label}: unknown type '{typeText}' (a Gong schema type: {SchemaTypeNames()})");
            return null;
        }

        if (type == CrmFieldType.STRINGARRAY)
        {
            yaml.Problem(entries.Node("type"), $"{label}: STRINGARRAY can only be used for Gong-defined fields such as ACCOUNT domains");
            return null;
        }

        (field.Kind, field.Rule) = GongFieldCatalog.ForSchemaType(type);
        return type;
    }

    /// <summary>Builds the field's schema entry; a PICKLIST's values also become the field's allowed values.</summary>
    public CrmSchemaField CompileSchema(SpecEntries entries, FieldSpec field, CrmFieldType type)
    {
        var caption = field.Name;
        if (entries.Node("label") is { } labelNode && yaml.RequiredText(labelNode, $"{entries.Label}: label") is { } labelText)
        {
            caption = labelText;
        }

        var values = ReadValues(entries, field, type);
        var referenceTo = ReadReferenceTo(entries, type);
        return new CrmSchemaField(field.Name, caption, type, referenceTo, values);
    }

    private static string SchemaTypeNames() => string.Join(", ", Enum.GetNames<CrmFieldType>().Where(n => n != "STRINGARRAY"));

    private List<string>? ReadValues(SpecEntries entries, FieldSpec field, CrmFieldType type)
    {
        var label = entries.Label;
        if (entries.Node("values") is not { } valuesNode)
        {
            if (type == CrmFieldType.PICKLIST)
            {
                yaml.Problem(entries.Spec, $"{label}: a PICKLIST needs values (the allowed values, in display order)");
            }

            return null;
        }

        if (type != CrmFieldType.PICKLIST)
        {
            yaml.Problem(entries.KeyNode("values"), $"{label}: values apply to PICKLIST fields only");
            return null;
        }

        if (valuesNode is YamlScalarNode { Value: "auto" })
        {
            // The schema's values are the export's distinct values, known once it is read (CompiledMapping.CustomFields).
            field.AutoPicklist = true;
            return [];
        }

        if (valuesNode is not YamlSequenceNode list || list.Children.Count == 0)
        {
            yaml.Problem(valuesNode, $"{label}: values must be a non-empty list, e.g. [Pipeline, Commit], or auto (the export's distinct values)");
            return null;
        }

        var values = new List<string>();
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Children)
        {
            var text = yaml.RequiredText(item, $"{label}: a PICKLIST value");
            if (text is null)
            {
                continue;
            }

            if (!lookup.TryAdd(text.Trim(), text))
            {
                yaml.Problem(item, $"{label}: PICKLIST value '{text}' is listed twice");
                continue;
            }

            values.Add(text);
        }

        field.Picklist = new PicklistValues(lookup);
        return values;
    }

    private string? ReadReferenceTo(SpecEntries entries, CrmFieldType type)
    {
        var label = entries.Label;
        if (entries.Node("referenceTo") is not { } referenceNode)
        {
            if (type == CrmFieldType.REFERENCE)
            {
                yaml.Problem(entries.Spec, $"{label}: a REFERENCE needs referenceTo (ACCOUNT, CONTACT, DEAL, LEAD or USER)");
            }

            return null;
        }

        var target = yaml.Scalar(referenceNode, $"{label}: referenceTo")?.Trim();
        if (type != CrmFieldType.REFERENCE)
        {
            yaml.Problem(entries.KeyNode("referenceTo"), $"{label}: referenceTo applies to REFERENCE fields only");
            return null;
        }

        if (target == "BUSINESS_USER")
        {
            return "USER";
        }

        if (target is not null && ReferenceTargets.Contains(target, StringComparer.Ordinal))
        {
            return target;
        }

        if (target is not null)
        {
            yaml.Problem(referenceNode, $"{label}: referenceTo must be ACCOUNT, CONTACT, DEAL, LEAD or USER");
        }

        return null;
    }
}
