using System.Globalization;
using GongCrmBridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Reads the entries of a <c>transform</c> list (<c>trim</c>, <c>{ truncate: 40 }</c>, <c>{ replace: [a, b] }</c>)
/// and of a template placeholder (<c>{Name|trim|truncate:40|before: }</c>), reporting each bad one at its node.</summary>
internal static class TransformParser
{
    /// <summary>Reads one YAML entry of a <c>transform</c> list; null with a problem when it is not a transform.</summary>
    public static TransformStep? Read(ConfigYaml yaml, YamlNode item, string label)
    {
        if (item is YamlScalarNode scalar)
        {
            var name = scalar.Value?.Trim() ?? string.Empty;
            if (Transforms.TryParse(name, out var kind) && !TakesArgument(kind))
            {
                return new TransformStep(kind);
            }

            yaml.Problem(item, Transforms.TryParse(name, out kind)
                ? $"{label}: transform '{name}' takes an argument, e.g. {Example(kind)}"
                : $"{label}: unknown transform '{name}' (one of {Transforms.Names})");
            return null;
        }

        if (item is not YamlMappingNode { Children.Count: 1 } map)
        {
            yaml.Problem(item, $"{label}: a transform is a name (trim) or a one-key mapping such as {{ truncate: 40 }}");
            return null;
        }

        var (keyNode, value) = map.Children.First();
        var key = (keyNode as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
        if (!Transforms.TryParse(key, out var stepKind) || !TakesArgument(stepKind))
        {
            yaml.Problem(keyNode, $"{label}: unknown transform '{key}' with an argument (replace, truncate, before, after)");
            return null;
        }

        if (stepKind == Transform.Replace)
        {
            if (value is YamlSequenceNode { Children.Count: 2 } pair &&
                pair.Children[0] is YamlScalarNode { Value: { Length: > 0 } from } &&
                pair.Children[1] is YamlScalarNode to)
            {
                return new TransformStep(Transform.Replace, from, to.Value ?? string.Empty);
            }

            yaml.Problem(value, $"{label}: replace takes two texts, what to replace and what to put in its place, e.g. {{ replace: [\"-\", \"\"] }}");
            return null;
        }

        var argument = (value as YamlScalarNode)?.Value;
        var step = WithArgument(stepKind, argument);
        if (step is null)
        {
            yaml.Problem(value, $"{label}: {key} needs {ArgumentText(stepKind)}, e.g. {Example(stepKind)}");
        }

        return step;
    }

    /// <summary>Reads a placeholder's transform (<c>trim</c>, <c>truncate:40</c>, <c>before:@</c>); returns why not.</summary>
    public static TransformStep? ReadInline(string text, out string? problem)
    {
        problem = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim();
        if (!Transforms.TryParse(name, out var kind))
        {
            problem = $"unknown transform '{name}' in a placeholder (one of {Transforms.Names})";
            return null;
        }

        if (!TakesArgument(kind))
        {
            return colon < 0 ? new TransformStep(kind) : Fail($"transform '{name}' takes no argument", out problem);
        }

        if (kind == Transform.Replace)
        {
            return Fail("replace cannot be written inside a placeholder; use the field's transform list", out problem);
        }

        return (colon < 0 ? null : WithArgument(kind, text[(colon + 1)..])) ??
            Fail($"{name} needs {ArgumentText(kind)}, e.g. {{Name|{name}:{(kind == Transform.Truncate ? "40" : "@")}}}", out problem);
    }

    private static TransformStep? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }

    private static TransformStep? WithArgument(Transform kind, string? argument)
    {
        if (kind == Transform.Truncate)
        {
            return int.TryParse(argument?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0
                ? new TransformStep(kind, Length: length)
                : null;
        }

        return string.IsNullOrEmpty(argument) ? null : new TransformStep(kind, argument);
    }

    private static bool TakesArgument(Transform kind) => kind is Transform.Replace or Transform.Truncate or Transform.Before or Transform.After;

    private static string ArgumentText(Transform kind) => kind == Transform.Truncate ? "a whole number above 0" : "a non-empty text";

    private static string Example(Transform kind) => kind switch
    {
        Transform.Replace => "{ replace: [\"-\", \"\"] }",
        Transform.Truncate => "{ truncate: 40 }",
        Transform.Before => "{ before: \"@\" }",
        _ => "{ after: \"@\" }",
    };
}
