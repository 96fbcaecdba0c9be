using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge objects get</c>.</summary>
internal sealed class ObjectsGetSettings : GongSettings
{
    [CommandOption("-t|--type <TYPE>")]
    [Description("ACCOUNT, CONTACT, DEAL or LEAD.")]
    public string? Type { get; init; }

    [CommandOption("--id <OBJECT_ID>")]
    [Description("An objectId; repeat for several (batched by 100 per call).")]
    public string[] Ids { get; init; } = [];

    public override ValidationResult Validate()
    {
        if (!CrmObjectTypes.TryParseWireName(Type, out var type) || !type.AcceptsSchema())
        {
            return ValidationResult.Error("--type must be ACCOUNT, CONTACT, DEAL or LEAD (Gong cannot read back users or stages).");
        }

        return Ids.Length == 0 ? ValidationResult.Error("Give at least one --id.") : ValidationResult.Success();
    }
}

/// <summary><c>gongbridge objects get --type T --id A --id B</c>: reads objects back from Gong.</summary>
internal sealed class ObjectsGetCommand(CliEnvironment environment) : GongCommand<ObjectsGetSettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, ObjectsGetSettings settings, CancellationToken cancellationToken)
    {
        CrmObjectTypes.TryParseWireName(settings.Type, out var type);
        var integrationId = await IntegrationIdAsync(client, settings, cancellationToken);
        var objects = await client.GetObjectsAsync(integrationId, type, settings.Ids, cancellationToken);
        if (settings.Json)
        {
            WriteJson(objects);
            return ExitCodes.Success;
        }

        foreach (var (objectId, fields) in objects)
        {
            Environment.Console.MarkupLineInterpolated($"[bold]{objectId}[/]: {(fields is { } found ? found.ToString() : "not found")}");
        }

        return ExitCodes.Success;
    }
}
