using System.Text.RegularExpressions;
using GongCrmBridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Reads a mapping's <c>where</c>: <c>{ column, equals | notEquals | in | notIn | matches }</c> or a list of
/// such (all must hold), each problem at its node.</summary>
internal static class WhereReader
{
    private static readonly string[] Keys = ["column", "equals", "notEquals", "in", "notIn", "matches"];

    public static RowCondition[] Read(ConfigYaml yaml, YamlNode node, ColumnRegistry columns)
    {
        var items = node is YamlSequenceNode list ? list.Children.ToList() : [node];
        var conditions = new List<RowCondition>();
        foreach (var item in items)
        {
            if (item is not YamlMappingNode map)
            {
                yaml.Problem(item, "where: a condition is a mapping such as { column: IsConverted, notIn: [\"true\", \"1\"] }");
                continue;
            }

            if (ReadOne(yaml, map, columns) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return [.. conditions];
    }

    private static RowCondition? ReadOne(ConfigYaml yaml, YamlMappingNode map, ColumnRegistry columns)
    {
        var entries = new SpecEntries(yaml, map, "where", Keys);
        var tests = Keys[1..].Where(entries.Has).ToList();
        if (tests.Count != 1)
        {
            yaml.Problem(tests.Count == 0 ? map : entries.KeyNode(tests[1]), "where: give exactly one of equals, notEquals, in, notIn or matches");
            return null;
        }

        var column = entries.Text("column");
        if (string.IsNullOrWhiteSpace(column))
        {
            yaml.Problem(entries.Node("column") ?? map, "where: column is missing or empty");
            return null;
        }

        var index = columns.Use(column, entries.Node("column")!);
        var name = tests[0];
        var valueNode = entries.Node(name)!;
        var test = name switch
        {
            "equals" => RowTest.Equals,
            "notEquals" => RowTest.NotEquals,
            "in" => RowTest.In,
            "notIn" => RowTest.NotIn,
            _ => RowTest.Matches,
        };
        if (test == RowTest.Matches)
        {
            return entries.Text(name) is { } pattern && Compile(yaml, valueNode, pattern) is { } regex
                ? new RowCondition(index, test, [], regex)
                : null;
        }

        string[] values;
        if (test is RowTest.In or RowTest.NotIn)
        {
            if (valueNode is not YamlSequenceNode list || list.Children.Count == 0)
            {
                yaml.Problem(valueNode, $"where: {name} takes a non-empty list, e.g. [\"true\", \"1\"]");
                return null;
            }

            values = [.. list.Children.Select(c => yaml.Scalar(c, $"where: {name}")).OfType<string>().Select(v => v.Trim())];
        }
        else
        {
            values = entries.Text(name) is { } value ? [value.Trim()] : [];
        }

        return values.Length == 0 ? null : new RowCondition(index, test, values, null);
    }

    private static Regex? Compile(ConfigYaml yaml, YamlNode node, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            yaml.Problem(node, $"where: matches: not a valid regular expression ({ex.Message})");
            return null;
        }
    }
}
