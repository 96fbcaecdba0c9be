using System.Text;
using GongCrmBridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Parses a field's <c>template</c>: literal text with <c>{Column}</c> placeholders, <c>{{</c> and <c>}}</c>
/// for literal braces. A placeholder may take transforms after <c>|</c>: <c>{First Name|trim|lower}</c>.</summary>
internal static class TemplateParser
{
    /// <summary>Returns the template's parts, numbering its columns in <paramref name="columns"/>; empty with a problem
    /// when a placeholder is unclosed or empty.</summary>
    public static TemplatePart[] Parse(string template, YamlNode node, string label, ConfigYaml yaml, ColumnRegistry columns, bool optional = false)
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
                var inside = end < 0 ? string.Empty : template[(i + 1)..end];
                var pipe = inside.IndexOf('|', StringComparison.Ordinal);
                var column = (pipe < 0 ? inside : inside[..pipe]).Trim();
                if (column.Length == 0)
                {
                    yaml.Problem(node, $"{label}: template has an unclosed or empty {{placeholder}} (write {{{{ for a literal brace)");
                    return [];
                }

                if (literal.Length > 0)
                {
                    parts.Add(new TemplatePart(literal.ToString(), -1));
                    literal.Clear();
                }

                var steps = pipe < 0 ? null : ParseSteps(inside[(pipe + 1)..], node, label, yaml);
                parts.Add(new TemplatePart(null, columns.Use(column, node, optional), steps));
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

    private static TransformStep[] ParseSteps(string text, YamlNode node, string label, ConfigYaml yaml)
    {
        var steps = new List<TransformStep>();
        foreach (var entry in text.Split('|'))
        {
            if (TransformParser.ReadInline(entry, out var problem) is { } step)
            {
                steps.Add(step);
            }
            else
            {
                yaml.Problem(node, $"{label}: {problem}");
            }
        }

        return [.. steps];
    }
}
