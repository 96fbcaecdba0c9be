using System.Globalization;
using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Sources;
using GongCrmBridge.Validation;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Jobs;

/// <summary>Loads and checks a job file (SPEC.md, "Job file") and every mapping it names.</summary>
public static class JobLoader
{
    private static readonly string[] TopKeys = ["integration", "gong", "objects", "options"];
    private static readonly string[] IntegrationKeys = ["name", "ownerEmail"];
    private static readonly string[] GongKeys = ["baseUrl"];
    private static readonly string[] ObjectKeys = ["type", "source", "mapping"];
    private static readonly string[] SourceKeys = ["path", "format", "delimiter", "encoding", "hasHeader"];
    private static readonly string[] OptionKeys = ["maxFileMegabytes", "requestsPerSecond", "mode"];
    // For the message only: RecordSources decides what it can read.
    private static readonly string[] Encodings = ["utf-8", "latin1", "windows-1252", "utf-16"];

    /// <summary>Loads <paramref name="jobPath"/>, compiles every mapping and checks each export's header.</summary>
    /// <param name="jobPath">The job file. Paths inside it are relative to its folder.</param>
    /// <param name="findMissingColumns">Returns the columns an export's header lacks (e.g.
    /// <c>RecordSources.FindMissingColumns</c>); called only for exports that exist.</param>
    /// <returns>The job, its objects in dependency order (BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD).</returns>
    /// <exception cref="ConfigurationException">Every problem of the job and its mappings, each with the file,
    /// line and column of its YAML node.</exception>
    public static JobDefinition Load(
        string jobPath,
        Func<SourceSpec, IReadOnlyList<string>, IReadOnlyList<string>> findMissingColumns)
    {
        ArgumentNullException.ThrowIfNull(findMissingColumns);
        var problems = new List<ConfigurationProblem>();
        var (yaml, root) = ConfigYaml.Open(jobPath, problems);
        if (root is null)
        {
            throw new ConfigurationException(problems);
        }

        var entries = yaml.Entries(root, "job", TopKeys).ToDictionary(e => e.Key, e => (e.KeyNode, e.Value), StringComparer.Ordinal);

        var integration = entries.TryGetValue("integration", out var integrationEntry)
            ? ReadIntegration(yaml, integrationEntry.Value)
            : Missing<IntegrationSettings>(yaml, root, "integration is missing (name and ownerEmail of the Gong integration)");
        var baseUrl = entries.TryGetValue("gong", out var gongEntry) ? ReadGong(yaml, gongEntry.Value) : null;
        var options = entries.TryGetValue("options", out var optionsEntry) ? ReadOptions(yaml, optionsEntry.Value) : new JobOptions();

        var objects = new List<JobObject>();
        if (!entries.TryGetValue("objects", out var objectsEntry))
        {
            yaml.Problem(root, "objects is missing (the exports to load, each with type, source and mapping)");
        }
        else if (objectsEntry.Value is not YamlSequenceNode list || list.Children.Count == 0)
        {
            yaml.Problem(objectsEntry.Value, "objects must be a non-empty list of { type, source, mapping }");
        }
        else
        {
            foreach (var item in list.Children)
            {
                if (ReadObject(yaml, item, findMissingColumns, problems) is { } jobObject)
                {
                    objects.Add(jobObject);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        var ordered = objects
            .Select((o, i) => (Object: o, Index: i))
            .OrderBy(x => x.Object.Type)
            .ThenBy(x => x.Index)
            .Select(x => x.Object)
            .ToList();
        return new JobDefinition(yaml.FilePath, integration!, baseUrl, ordered, options);
    }

    private static T? Missing<T>(ConfigYaml yaml, YamlNode node, string message)
        where T : class
    {
        yaml.Problem(node, message);
        return null;
    }

    private static IntegrationSettings? ReadIntegration(ConfigYaml yaml, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            yaml.Problem(node, "integration must be a mapping with name and ownerEmail");
            return null;
        }

        string? name = null, ownerEmail = null;
        foreach (var (key, _, value) in yaml.Entries(map, "integration", IntegrationKeys))
        {
            if (key == "name")
            {
                name = yaml.RequiredText(value, "integration.name");
            }
            else
            {
                ownerEmail = yaml.RequiredText(value, "integration.ownerEmail");
                if (ownerEmail is not null && !GongRules.IsEmail(ownerEmail.Trim()))
                {
                    yaml.Problem(value, "integration.ownerEmail is not a valid email address");
                }
            }
        }

        if (!map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "name"))
        {
            yaml.Problem(map, "integration.name is missing");
        }

        if (!map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "ownerEmail"))
        {
            yaml.Problem(map, "integration.ownerEmail is missing");
        }

        return name is null || ownerEmail is null ? null : new IntegrationSettings(name.Trim(), ownerEmail.Trim());
    }

    private static Uri? ReadGong(ConfigYaml yaml, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            yaml.Problem(node, "gong must be a mapping, e.g. { baseUrl: https://us-12345.api.gong.io }");
            return null;
        }

        Uri? baseUrl = null;
        foreach (var (_, _, value) in yaml.Entries(map, "gong", GongKeys))
        {
            var text = yaml.RequiredText(value, "gong.baseUrl");
            if (text is null)
            {
                continue;
            }

            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yaml.Problem(value, "gong.baseUrl must be an absolute https URL, e.g. https://us-12345.api.gong.io");
                continue;
            }

            baseUrl = uri;
        }

        return baseUrl;
    }

    private static JobOptions ReadOptions(ConfigYaml yaml, YamlNode node)
    {
        var options = new JobOptions();
        if (node is not YamlMappingNode map)
        {
            yaml.Problem(node, "options must be a mapping");
            return options;
        }

        foreach (var (key, _, value) in yaml.Entries(map, "options", OptionKeys))
        {
            switch (key)
            {
                case "maxFileMegabytes":
                    {
                        var number = yaml.Number(value, "options.maxFileMegabytes");
                        if (number is null)
                        {
                            break;
                        }

                        if (number != Math.Floor(number.Value) || number < 1 || number > 200)
                        {
                            yaml.Problem(value, "options.maxFileMegabytes must be a whole number from 1 to 200 (Gong takes at most 200 MB per upload)");
                            break;
                        }

                        options = options with { MaxFileMegabytes = (int)number.Value };
                        break;
                    }

                case "requestsPerSecond":
                    {
                        var number = yaml.Number(value, "options.requestsPerSecond");
                        if (number is null)
                        {
                            break;
                        }

                        if (number <= 0 || double.IsNaN(number.Value) || double.IsInfinity(number.Value))
                        {
                            yaml.Problem(value, "options.requestsPerSecond must be more than 0 (Gong allows 3 per second unless raised)");
                            break;
                        }

                        options = options with { RequestsPerSecond = number.Value };
                        break;
                    }

                default:
                    {
                        var text = yaml.Scalar(value, "options.mode")?.Trim();
                        if (string.Equals(text, "upsert", StringComparison.OrdinalIgnoreCase))
                        {
                            options = options with { Mode = SyncMode.Upsert };
                        }
                        else if (string.Equals(text, "mirror", StringComparison.OrdinalIgnoreCase))
                        {
                            options = options with { Mode = SyncMode.Mirror };
                        }
                        else if (text is not null)
                        {
                            yaml.Problem(value, "options.mode must be upsert or mirror");
                        }

                        break;
                    }
            }
        }

        return options;
    }

    private static JobObject? ReadObject(
        ConfigYaml yaml,
        YamlNode node,
        Func<SourceSpec, IReadOnlyList<string>, IReadOnlyList<string>> findMissingColumns,
        List<ConfigurationProblem> problems)
    {
        if (node is not YamlMappingNode map)
        {
            yaml.Problem(node, "each object must be a mapping with type, source and mapping");
            return null;
        }

        var entries = yaml.Entries(map, "object", ObjectKeys).ToDictionary(e => e.Key, e => (e.KeyNode, e.Value), StringComparer.Ordinal);
        CrmObjectType? type = null;
        if (!entries.TryGetValue("type", out var typeEntry))
        {
            yaml.Problem(map, "type is missing (BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL or LEAD)");
        }
        else if (yaml.Scalar(typeEntry.Value, "type") is { } typeText)
        {
            if (CrmObjectTypes.TryParseWireName(typeText.Trim(), out var parsed))
            {
                type = parsed;
            }
            else
            {
                yaml.Problem(typeEntry.Value, $"unknown object type '{typeText}' (BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL or LEAD; upper case)");
            }
        }

        SourceSpec? source = null;
        YamlNode? sourceNode = null;
        if (!entries.TryGetValue("source", out var sourceEntry))
        {
            yaml.Problem(map, "source is missing, e.g. source: { path: exports/accounts.csv }");
        }
        else
        {
            sourceNode = sourceEntry.Value;
            source = ReadSource(yaml, sourceEntry.Value);
        }

        CompiledMapping? mapping = null;
        string? mappingPath = null;
        if (!entries.TryGetValue("mapping", out var mappingEntry))
        {
            yaml.Problem(map, "mapping is missing (the path of the mapping file)");
        }
        else if (yaml.RequiredText(mappingEntry.Value, "mapping") is { } mappingText)
        {
            mappingPath = yaml.ResolvePath(mappingText.Trim());
            if (!File.Exists(mappingPath))
            {
                yaml.Problem(mappingEntry.Value, $"mapping file '{mappingText}' does not exist (paths are relative to the job file)");
            }
            else
            {
                mapping = MappingLoader.Load(mappingPath, type, problems);
            }
        }

        if (mapping is null || source is null || type is null || mappingPath is null)
        {
            return null;
        }

        IReadOnlyList<string> missing;
        try
        {
            missing = findMissingColumns(source, mapping.Columns);
        }
        catch (ConfigurationException ex)
        {
            problems.AddRange(ex.Problems);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            yaml.Problem(sourceNode, $"cannot read the header of the export: {ex.Message}");
            return null;
        }

        if (source.Format == SourceFormat.Csv && source.HasHeader && new FileInfo(source.Path).Length == 0)
        {
            // One clear problem instead of "column X is not in the header" for every column.
            yaml.Problem(sourceNode, $"the export {Path.GetFileName(source.Path)} is empty: it has not even a header line");
            return null;
        }

        foreach (var column in missing)
        {
            problems.Add(mapping.MissingColumnProblem(column));
        }

        return missing.Count == 0 ? new JobObject(type.Value, source, mappingPath, mapping) : null;
    }

    private static SourceSpec? ReadSource(ConfigYaml yaml, YamlNode node)
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
                        var text = yaml.Scalar(value, "source.format")?.Trim().ToLowerInvariant();
                        if (text is "csv")
                        {
                            spec = spec with { Format = SourceFormat.Csv };
                        }
                        else if (text is "jsonl" or "jsonlines" or "ndjson")
                        {
                            spec = spec with { Format = SourceFormat.JsonLines };
                        }
                        else
                        {
                            ok = false;
                            if (text is not null)
                            {
                                yaml.Problem(value, "source.format must be csv or jsonl");
                            }
                        }

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
                        var text = yaml.Scalar(value, "source.encoding")?.Trim();
                        if (text is not null && RecordSources.IsKnownEncoding(text))
                        {
                            spec = spec with { Encoding = text.ToLowerInvariant() };
                        }
                        else
                        {
                            ok = false;
                            if (text is not null)
                            {
                                yaml.Problem(value, $"source.encoding '{text}' is not supported ({string.Join(", ", Encodings)})");
                            }
                        }

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

    private static SourceSpec? CheckSourcePath(ConfigYaml yaml, YamlNode node, string path, SourceSpec spec)
    {
        var full = yaml.ResolvePath(path.Trim());
        if (!File.Exists(full))
        {
            yaml.Problem(node, string.Create(CultureInfo.InvariantCulture, $"export '{path}' does not exist (paths are relative to the job file)"));
            return null;
        }

        return spec with { Path = full };
    }
}
