using System.ComponentModel;
using System.Globalization;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Cli.Rendering;
using GongCrmBridge.Gong;
using GongCrmBridge.Integration;
using GongCrmBridge.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary><c>gongbridge integration show</c>.</summary>
internal sealed class IntegrationShowCommand(CliEnvironment environment) : GongCommand<GongSettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, GongSettings settings, CancellationToken cancellationToken)
    {
        var integrations = await client.ListIntegrationsAsync(cancellationToken);
        if (settings.Json)
        {
            WriteJson(integrations);
            return ExitCodes.Success;
        }

        if (integrations.Count == 0)
        {
            Environment.Console.MarkupLine("Gong has no CRM integration registered through the API.");
        }

        foreach (var integration in integrations)
        {
            Environment.Console.MarkupLineInterpolated($"[bold]{integration.Name}[/]  id {integration.IntegrationId}  owner {integration.OwnerEmail ?? "-"}");
        }

        return ExitCodes.Success;
    }
}

/// <summary><c>gongbridge integration register --job J</c>: registers the job's integration, or reuses it when it exists.</summary>
internal sealed class IntegrationRegisterCommand(CliEnvironment environment) : GongCommand<GongSettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, GongSettings settings, CancellationToken cancellationToken)
    {
        if (job is null)
        {
            throw new UsageException("integration register needs --job: the integration's name and owner come from the job file.");
        }

        var integration = await new IntegrationResolver(client, NullLogger.Instance).ResolveAsync(job.Integration, cancellationToken);
        if (settings.Json)
        {
            WriteJson(integration);
        }
        else
        {
            Environment.Console.MarkupLineInterpolated($"Integration [bold]{integration.Name}[/] has id {integration.IntegrationId}.");
        }

        return ExitCodes.Success;
    }
}

/// <summary>Options of <c>gongbridge integration delete</c>.</summary>
internal sealed class IntegrationDeleteSettings : GongSettings
{
    [CommandOption("--yes")]
    [Description("Confirm: delete the integration and every CRM object uploaded through it.")]
    public bool Yes { get; init; }

    public override ValidationResult Validate() =>
        IntegrationId is null ? ValidationResult.Error("integration delete needs --integration-id, so the wrong one is never deleted.") : ValidationResult.Success();
}

/// <summary><c>gongbridge integration delete --integration-id N --yes</c>.</summary>
internal sealed class IntegrationDeleteCommand(CliEnvironment environment) : GongCommand<IntegrationDeleteSettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, IntegrationDeleteSettings settings, CancellationToken cancellationToken)
    {
        var id = settings.IntegrationId!.Value;
        if (!settings.Yes)
        {
            Environment.Console.MarkupLineInterpolated(
                $"[yellow]Deleting integration {id} erases every account, contact, deal, lead, user and stage uploaded through it; Gong takes up to 24 hours to finish. Add --yes to do it.[/]");
            return ExitCodes.Configuration;
        }

        var clientRequestId = string.Create(CultureInfo.InvariantCulture, $"delete-{id}-{TimeProvider.System.GetUtcNow():yyyyMMddTHHmmss}");
        var receipt = await client.DeleteIntegrationAsync(id, clientRequestId, cancellationToken);
        if (settings.Json)
        {
            WriteJson(new DeletionOutput(id, receipt.ClientRequestId, receipt.RequestId));
        }
        else
        {
            Environment.Console.MarkupLineInterpolated(
                $"Gong accepted the deletion of integration {id}; its CRM data disappears within 24 hours. Follow it with `gongbridge status --integration-id {id} --client-request-id {receipt.ClientRequestId}`.");
        }

        return ExitCodes.Success;
    }
}
