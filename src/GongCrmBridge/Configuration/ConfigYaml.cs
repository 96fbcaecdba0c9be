using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Configuration;

/// <summary>
/// Reads one YAML configuration file (job or mapping) through YamlDotNet's representation model, so every
/// node keeps its position, and collects every problem found instead of stopping at the first.
/// </summary>
internal sealed class ConfigYaml
{
    private readonly List<ConfigurationProblem> _problems;

    private ConfigYaml(string path, List<ConfigurationProblem> problems)
    {
        FilePath = path;
        _problems = problems;
    }

    /// <summary>Gets the absolute path of the file.</summary>
    public string FilePath { get; }

    /// <summary>Gets the directory relative paths in the file are resolved against.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(FilePath) ?? ".";

    /// <summary>Gets the problems collected so far (shared with the caller).</summary>
    public IReadOnlyList<ConfigurationProblem> Problems => _problems;

    /// <summary>Loads <paramref name="path"/>; returns null (with a problem added) when it is missing, unreadable,
    /// not valid YAML or not a mapping at its root.</summary>
    public static (ConfigYaml Reader, YamlMappingNode? Root) Open(string path, List<ConfigurationProblem> problems)
    {
        var full = System.IO.Path.GetFullPath(path);
        var reader = new ConfigYaml(full, problems);
        if (!File.Exists(full))
        {
            problems.Add(new ConfigurationProblem(full, 0, 0, "the file " + MissingFile.Why(full)));
            return (reader, null);
        }

        var stream = new YamlStream();
        LocatingParser? parser = null;
        try
        {
            using var text = new StreamReader(full, detectEncodingFromByteOrderMarks: true);
            parser = new LocatingParser(new Parser(text));
            stream.Load(parser);
        }
        catch (AnchorNotFoundException ex)
        {
            // The representation model resolves aliases after the document, without their position: find the alias.
            var at = YamlErrorPosition.UndefinedAlias(full) ?? ex.Start;
            var alias = ex.Message.Split('\'') is [_, var name, ..] ? name : string.Empty;
            problems.Add(new ConfigurationProblem(
                full, (int)at.Line, (int)at.Column, $"not valid YAML: the alias *{alias} names no anchor &{alias} defined before it"));
            return (reader, null);
        }
        catch (YamlException ex)
        {
            var error = ex.InnerException as YamlException ?? ex;
            var (line, column) = YamlErrorPosition.Of(error, full);
            problems.Add(new ConfigurationProblem(full, (int)line, (int)column, "not valid YAML: " + error.Message));
            return (reader, null);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this (not a YamlException) for some malformed input; report where it stopped.
            var at = parser?.LastEnd ?? Mark.Empty;
            problems.Add(new ConfigurationProblem(full, (int)at.Line, (int)at.Column, "not valid YAML: the parser stopped after this point"));
            return (reader, null);
        }
        catch (IOException ex)
        {
            problems.Add(new ConfigurationProblem(full, 0, 0, "cannot read the file: " + ex.Message));
            return (reader, null);
        }
        catch (UnauthorizedAccessException ex)
        {
            problems.Add(new ConfigurationProblem(full, 0, 0, "cannot read the file: " + ex.Message));
            return (reader, null);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start;
            problems.Add(new ConfigurationProblem(full, (int)at.Line, (int)at.Column, "the file must hold a YAML mapping (key: value lines)"));
            return (reader, null);
        }

        return (reader, root);
    }

    /// <summary>Adds a problem located at <paramref name="node"/>.</summary>
    public void Problem(YamlNode? node, string message)
    {
        var mark = node?.Start ?? Mark.Empty;
        _problems.Add(new ConfigurationProblem(FilePath, (int)mark.Line, (int)mark.Column, message));
    }

    /// <summary>Builds (without adding) a problem located at <paramref name="node"/>.</summary>
    public ConfigurationProblem At(YamlNode? node, string message)
    {
        var mark = node?.Start ?? Mark.Empty;
        return new ConfigurationProblem(FilePath, (int)mark.Line, (int)mark.Column, message);
    }

    /// <summary>Enumerates the entries of a mapping node, reporting non-scalar and unknown keys.</summary>
    public IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries(
        YamlMappingNode node, string context, IReadOnlyCollection<string>? allowedKeys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                Problem(keyNode, $"{context}: a key must be a plain name");
                continue;
            }

            if (!seen.Add(key))
            {
                Problem(keyNode, $"{context}: '{key}' is given twice");
                continue;
            }

            if (allowedKeys is not null && !allowedKeys.Contains(key))
            {
                Problem(keyNode, $"{context}: unknown key '{key}' (expected one of: {string.Join(", ", allowedKeys)})");
                continue;
            }

            yield return (key, scalarKey, value);
        }
    }

    /// <summary>Returns the text of a scalar node, or null with a problem when the node is not a scalar.</summary>
    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Problem(node, $"{what} must be a single value, not a list or a mapping");
        return null;
    }

    /// <summary>Returns a non-empty scalar, or null with a problem.</summary>
    public string? RequiredText(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Problem(node, $"{what} must not be empty");
            return null;
        }

        return text;
    }

    /// <summary>Parses a number scalar with the invariant culture.</summary>
    public double? Number(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(node, $"{what} must be a number");
        return null;
    }

    /// <summary>Resolves a path written in this file against the file's directory.</summary>
    public string ResolvePath(string path) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, path));
}
