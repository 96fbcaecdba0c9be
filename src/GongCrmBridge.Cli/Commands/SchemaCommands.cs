using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Cli.Rendering;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary><c>gongbridge schema show</c>: Gong's custom fields per object type.</summary>
internal sealed class SchemaShowCommand(CliEnvironment environment) : GongCommand<GongSettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, GongSettings settings, CancellationToken cancellationToken)
    {
        var integrationId = await IntegrationIdAsync(client, settings, cancellationToken);
        var schema = new Dictionary<string, IReadOnlyList<CrmSchemaField>>(StringComparer.Ordinal);
        foreach (var type in CrmObjectTypes.InDependencyOrder.Where(t => t.AcceptsSchema()))
        {
            schema[type.ToWireName()] = await client.GetSchemaAsync(integrationId, type, cancellationToken);
        }

        if (settings.Json)
        {
            WriteJson(schema);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Object type", "Field", "Type", "Label", "Details");
        foreach (var (type, fields) in schema)
        {
            foreach (var field in fields)
            {
                var details = field.ReferenceTo is not null ? "→ " + field.ReferenceTo
                    : field.OrderedValueList is { } values ? string.Join(", ", values)
                    : string.Empty;
                table.AddRow(
                    Markup.Escape(type),
                    Markup.Escape(field.UniqueName),
                    field.Type.ToString(),
                    Markup.Escape(field.Label),
                    Markup.Escape(field.IsDeleted ? "deleted" : details));
            }
        }

        Environment.Console.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary>Options of <c>gongbridge schema push</c>.</summary>
internal sealed class SchemaPushSettings : GongSettings
{
    [CommandOption("--allow-field-removal")]
    [Description("Delete custom fields that Gong has but the job no longer declares (their values are deleted too).")]
    public bool AllowFieldRemoval { get; init; }

    public override ValidationResult Validate() =>
        Job is null ? ValidationResult.Error("schema push needs --job: the custom fields come from its mappings.") : ValidationResult.Success();
}

/// <summary><c>gongbridge schema push --job J</c>: pushes the job's custom fields where they differ from Gong's.</summary>
internal sealed class SchemaPushCommand(CliEnvironment environment) : GongCommand<SchemaPushSettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, SchemaPushSettings settings, CancellationToken cancellationToken)
    {
        var integrationId = await IntegrationIdAsync(client, settings, cancellationToken);
        var work = Path.Combine(Path.GetTempPath(), "gongbridge-schema-" + RunOptions.NewRunId(TimeProvider.System));
        var fields = await JobSchema.ReadAsync(job!, work, NullLogger.Instance, cancellationToken);
        var changes = await new SchemaSynchronizer(client, TimeProvider.System, NullLogger.Instance)
            .SynchronizeAsync(integrationId, fields, settings.AllowFieldRemoval, cancellationToken);
        if (settings.Json)
        {
            WriteJson(changes.Select(c => new SchemaChangeOutput(c.ObjectType.ToWireName(), c.Field, c.Kind.ToString(), c.Detail)).ToList());
            return ExitCodes.Success;
        }

        if (changes.Count == 0)
        {
            Environment.Console.MarkupLine("The schema matches the job; nothing was pushed.");
        }

        foreach (var change in changes)
        {
            Environment.Console.MarkupLineInterpolated($"{change}");
        }

        return ExitCodes.Success;
    }
}
