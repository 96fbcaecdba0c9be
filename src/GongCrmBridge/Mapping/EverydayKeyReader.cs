using GongCrmBridge.Configuration;
using GongCrmBridge.Validation;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Reads the field-spec keys of SPEC.md "Everyday data": <c>column</c> and <c>format</c> lists,
/// <c>split</c> (also a list), <c>optional</c>, <c>nullValues</c> and <c>onInvalid</c>, each problem at its node.</summary>
internal sealed class EverydayKeyReader(ConfigYaml yaml, ColumnRegistry columns)
{
    /// <summary>The keys this reader handles, besides <c>column</c>.</summary>
    public static readonly string[] Keys = ["optional", "nullValues", "onInvalid"];

    /// <summary>Reads a <c>column</c> given as a list (coalesce); returns the subject text, or null with a problem.</summary>
    public string? ReadColumnList(YamlSequenceNode list, SpecEntries entries, FieldSpec field)
    {
        var names = new List<string>();
        var nodes = new List<YamlNode>();
        foreach (var item in list.Children)
        {
            if (yaml.Scalar(item, $"{entries.Label}: a column of the list") is not { } name)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                yaml.Problem(item, $"{entries.Label}: a column name of the list is empty");
                continue;
            }

            names.Add(name);
            nodes.Add(item);
        }

        if (names.Count == 0)
        {
            yaml.Problem(list, $"{entries.Label}: the column list is empty");
            return null;
        }

        var indexes = names.Select((n, i) => columns.Use(n, nodes[i], field.Optional)).ToArray();
        if (indexes.Length == 1)
        {
            field.Column = indexes[0];
        }
        else
        {
            field.Coalesce = indexes;
        }

        return $" (column '{string.Join("' or '", names)}')";
    }

    /// <summary><c>format</c>: one .NET date format or a list tried in order.</summary>
    public void ReadFormats(SpecEntries entries, FieldSpec field)
    {
        if (entries.Node("format") is not { } node)
        {
            return;
        }

        var label = entries.Label;
        if (field.Kind is not (ValueKind.Date or ValueKind.DateTime))
        {
            yaml.Problem(node, $"{label}: format applies to date and datetime values only");
            return;
        }

        var formats = new List<string>();
        foreach (var item in node is YamlSequenceNode list ? list.Children : [node])
        {
            if (yaml.Scalar(item, $"{label}: format") is not { } format)
            {
                continue;
            }

            if (!IsValidDateFormat(format))
            {
                yaml.Problem(item, $"{label}: '{format}' is not a valid .NET date format (e.g. \"MM/dd/yyyy HH:mm:ss\")");
                continue;
            }

            formats.Add(format);
        }

        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            yaml.Problem(node, $"{label}: the format list is empty");
        }

        if (formats.Count > 0)
        {
            field.Format = formats[0];
            field.AlternateFormats = formats[1..];
        }
    }

    /// <summary><c>split</c>: the separator(s) of a <c>stringArray</c>, or of a text field that takes its
    /// <c>first</c> or <c>last</c> piece.</summary>
    public string[]? ReadSplit(SpecEntries entries, FieldSpec field, bool picksPiece)
    {
        if (entries.Node("split") is not { } node)
        {
            return null;
        }

        var label = entries.Label;
        if (field.Kind != ValueKind.StringArray && !picksPiece)
        {
            yaml.Problem(node, $"{label}: split applies to stringArray values, or with the first / last transform");
            return null;
        }

        var separators = new List<string>();
        foreach (var item in node is YamlSequenceNode list ? list.Children : [node])
        {
            if (yaml.Scalar(item, $"{label}: split") is not { } separator)
            {
                continue;
            }

            if (separator.Length == 0)
            {
                yaml.Problem(item, $"{label}: split must not be empty");
                continue;
            }

            separators.Add(separator);
        }

        return separators.Count > 0 ? [.. separators] : null;
    }

    /// <summary><c>optional</c>: whether the field's columns may be absent from the export.</summary>
    public void ReadOptional(SpecEntries entries, FieldSpec field)
    {
        if (entries.Node("optional") is { } node)
        {
            field.Optional = yaml.Boolean(node, $"{entries.Label}: optional") ?? false;
        }
    }

    /// <summary><c>nullValues</c> of a field, else the mapping's (<paramref name="mappingNulls"/>).</summary>
    public void ReadNullValues(SpecEntries entries, FieldSpec field, NullValues? mappingNulls)
    {
        field.Nulls = entries.Node("nullValues") is { } node ? ReadNullList(node, entries.Label) : mappingNulls;
    }

    /// <summary>Reads a <c>nullValues</c> list; an empty list turns the defaults off (null).</summary>
    public NullValues? ReadNullList(YamlNode node, string label)
    {
        if (node is not YamlSequenceNode list)
        {
            yaml.Problem(node, $"{label}: nullValues must be a list of texts, e.g. [\"null\", \"N/A\"]");
            return NullValues.Default;
        }

        var values = list.Children.Select(c => yaml.Scalar(c, $"{label}: nullValues")).OfType<string>().ToList();
        return values.Count == 0 ? null : new NullValues(values);
    }

    /// <summary><c>onInvalid</c>: <c>reject</c> or <c>omit</c>; the default is SPEC's (reject for objectId,
    /// modifiedDate, required fields and the field Gong requires; omit for the rest).</summary>
    public void ReadOnInvalid(SpecEntries entries, FieldSpec field, bool? mappingOmits)
    {
        var mustReject = field.Role is FieldRole.ObjectId or FieldRole.ModifiedDate;
        field.OmitInvalid = DefaultOmits(field, mappingOmits);
        if (entries.Text("onInvalid") is not { } text)
        {
            return;
        }

        switch (text.Trim())
        {
            case "reject":
                field.OmitInvalid = false;
                break;
            case "omit" when mustReject:
                yaml.Problem(entries.Node("onInvalid"), $"{entries.Label}: onInvalid: omit is not possible here (Gong needs the value); use reject");
                break;
            case "omit":
                field.OmitInvalid = true;
                break;
            default:
                yaml.Problem(entries.Node("onInvalid"), $"{entries.Label}: onInvalid must be reject or omit, not '{text}'");
                break;
        }
    }

    /// <summary>Whether an invalid value of <paramref name="field"/> is left out when its spec says nothing: never for
    /// objectId and modifiedDate; else the mapping's <c>onInvalid</c>; else SPEC's default (omit unless required), and
    /// reject for isDeleted too: a delete flag misread and left out would send a deleted record as live.</summary>
    public static bool DefaultOmits(FieldSpec field, bool? mappingOmits) =>
        field.Role is not (FieldRole.ObjectId or FieldRole.ModifiedDate) &&
        (mappingOmits ?? (field.Role != FieldRole.IsDeleted && !field.Required && !field.IsRequiredUnlessDeleted));

    /// <summary>Reads the mapping-wide <c>onInvalid</c> (a default for every field): true for omit, false for reject.</summary>
    public bool? ReadMappingOnInvalid(YamlNode node)
    {
        switch (yaml.Scalar(node, "onInvalid")?.Trim())
        {
            case "omit":
                return true;
            case "reject":
                return false;
            default:
                yaml.Problem(node, "onInvalid must be reject or omit");
                return null;
        }
    }

    private static bool IsValidDateFormat(string format)
    {
        try
        {
            var sample = new DateTimeOffset(2024, 1, 31, 13, 45, 30, TimeSpan.Zero);
            return sample.ToString(format, System.Globalization.CultureInfo.InvariantCulture).Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
