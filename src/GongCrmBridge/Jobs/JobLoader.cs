using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Onboarding;
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
        var options = entries.TryGetValue("options", out var optionsEntry) ? JobOptionsReader.Read(yaml, optionsEntry.Value) : new JobOptions();

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

    /// <summary>One problem per export for every column its header lacks, at the mapping entry of the first one: which
    /// file, which columns (with their mapping lines), and what the header looks like to the reader.</summary>
    private static ConfigurationProblem MissingColumnsProblem(CompiledMapping mapping, SourceSpec source, IReadOnlyList<string> missing)
    {
        var first = mapping.MissingColumnProblem(missing[0]);
        var columns = string.Join(", ", missing.Select(column => mapping.MissingColumnProblem(column) is { Line: > 0 } at
            ? $"'{column}' (line {at.Line})"
            : $"'{column}'"));
        var header = RecordSources.DescribeHeader(source, missing);
        var message = $"the export {Path.GetFileName(source.Path)} lacks the column{(missing.Count == 1 ? string.Empty : "s")} {columns} this mapping reads"
            + (header is null ? string.Empty : $"; {header}");
        return first with { Message = message };
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
            source = SourceSpecReader.Read(yaml, sourceEntry.Value);
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
                yaml.Problem(mappingEntry.Value, $"mapping file '{mappingText}' {MissingFile.Why(mappingPath)} (paths are relative to the job file)");
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
            missing = [.. findMissingColumns(source, mapping.Columns).Where(c => !mapping.OptionalColumns.Contains(c))];
        }
        catch (ConfigurationException ex)
        {
            problems.AddRange(ex.Problems);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            yaml.Problem(sourceNode, $"cannot read the export {Path.GetFileName(source.Path)}: {ex.Message}");
            return null;
        }

        if (source.Format == SourceFormat.Csv && source.HasHeader && new FileInfo(source.Path).Length == 0)
        {
            // One clear problem instead of "column X is not in the header" for every column.
            yaml.Problem(sourceNode, $"the export {Path.GetFileName(source.Path)} is empty: it has not even a header line");
            return null;
        }

        if (missing.Count > 0)
        {
            // One message per export (issue 10): when most columns are missing, it also says which layout the header
            // looks like (issue 13), instead of a second problem about the same file.
            var problem = MissingColumnsProblem(mapping, source, missing);
            problems.Add(MismatchHint.For(source, mapping.Columns.Count, missing.Count, type.Value) is { } hint
                ? problem with { Message = $"{problem.Message}. {char.ToUpperInvariant(hint[0])}{hint[1..]}" }
                : problem);
        }

        return missing.Count == 0 ? new JobObject(type.Value, source, mappingPath, mapping) : null;
    }
}
