using System.Globalization;
using GongCrmBridge.Configuration;
using GongCrmBridge.Mapping;
using GongCrmBridge.Sources;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Jobs;

/// <summary>Reads an object's <c>source</c> node (a path, or a mapping of path, format, delimiter, encoding and
/// hasHeader); the path is resolved against the job file and must exist.</summary>
internal static class SourceSpecReader
{
    private static readonly string[] SourceKeys = ["path", "format", "delimiter", "encoding", "hasHeader"];

    private static readonly string[] JsonLinesFormatNames = ["jsonl", "jsonlines", "ndjson"];

    // For the message only: RecordSources decides what it can read.
    private static readonly string[] Encodings = ["utf-8", "latin1", "windows-1252", "utf-16"];

    public static SourceSpec? Read(ConfigYaml yaml, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            var pathText = yaml.RequiredText(node, "source");
            return pathText is null ? null : CheckSourcePath(yaml, node, pathText, new SourceSpec(string.Empty));
        }

        if (node is not YamlMappingNode map)
        {
            yaml.Problem(node, "source must be a mapping, e.g. { path: exports/accounts.csv, delimiter: \";\" }");
            return null;
        }

        var spec = new SourceSpec(string.Empty);
        string? path = null;
        YamlNode? pathNode = null;
        var ok = true;
        foreach (var (key, _, value) in yaml.Entries(map, "source", SourceKeys))
        {
            switch (key)
            {
                case "path":
                    path = yaml.RequiredText(value, "source.path");
                    pathNode = value;
                    ok &= path is not null;
                    break;
                case "format":
                    {
                        var format = ReadFormat(yaml, value);
                        ok &= format is not null;
                        spec = spec with { Format = format ?? spec.Format };
                        break;
                    }

                case "delimiter":
                    {
                        var text = yaml.Scalar(value, "source.delimiter");
                        if (string.IsNullOrEmpty(text) || !RecordSources.IsValidDelimiter(text))
                        {
                            ok = false;
                            if (text is not null)
                            {
                                yaml.Problem(value, $"source.delimiter '{text}' is not usable: give one ASCII character other than a quote or a line break, or \\t for a tab");
                            }
                        }
                        else
                        {
                            spec = spec with { Delimiter = text };
                        }

                        break;
                    }

                case "encoding":
                    {
                        var encoding = ReadEncoding(yaml, value);
                        ok &= encoding is not null;
                        spec = spec with { Encoding = encoding ?? spec.Encoding };
                        break;
                    }

                default:
                    {
                        var flag = yaml.Boolean(value, "source.hasHeader");
                        if (flag is null)
                        {
                            ok = false;
                        }
                        else
                        {
                            spec = spec with { HasHeader = flag.Value };
                        }

                        break;
                    }
            }
        }

        if (pathNode is null)
        {
            yaml.Problem(map, "source.path is missing");
            return null;
        }

        if (spec.Format == SourceFormat.JsonLines && map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value is "delimiter" or "hasHeader") is { } csvOnly)
        {
            yaml.Problem(csvOnly, $"source.{csvOnly.Value} applies to csv sources only");
            ok = false;
        }

        return ok && path is not null ? CheckSourcePath(yaml, pathNode, path, spec) : null;
    }

    private static SourceFormat? ReadFormat(ConfigYaml yaml, YamlNode value)
    {
        var text = yaml.Scalar(value, "source.format")?.Trim();
        if (string.Equals(text, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return SourceFormat.Csv;
        }

        if (JsonLinesFormatNames.Any(name => string.Equals(text, name, StringComparison.OrdinalIgnoreCase)))
        {
            return SourceFormat.JsonLines;
        }

        if (text is not null)
        {
            yaml.Problem(value, "source.format must be csv or jsonl");
        }

        return null;
    }

    /// <summary>Returns the encoding's name as written (SourceEncodings ignores case), or null after a problem.</summary>
    private static string? ReadEncoding(ConfigYaml yaml, YamlNode value)
    {
        var text = yaml.Scalar(value, "source.encoding")?.Trim();
        if (text is not null && RecordSources.IsKnownEncoding(text))
        {
            return text;
        }

        if (text is not null)
        {
            yaml.Problem(value, $"source.encoding '{text}' is not supported ({string.Join(", ", Encodings)})");
        }

        return null;
    }

    private static SourceSpec? CheckSourcePath(ConfigYaml yaml, YamlNode node, string path, SourceSpec spec)
    {
        var full = yaml.ResolvePath(path.Trim());
        if (!File.Exists(full))
        {
            yaml.Problem(node, string.Create(CultureInfo.InvariantCulture, $"export '{path}' {MissingFile.Why(full)} (paths are relative to the job file)"));
            return null;
        }

        return spec with { Path = full };
    }
}
