using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Cli.Rendering;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge status</c>.</summary>
internal sealed class StatusSettings : GongSettings
{
    [CommandOption("--client-request-id <ID>")]
    [Description("The clientRequestId of the upload (it is in summary.json).")]
    public string? ClientRequestId { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(ClientRequestId) ? ValidationResult.Error("--client-request-id is required.") : ValidationResult.Success();
}

/// <summary><c>gongbridge status --client-request-id ID</c>: one request-status call.</summary>
internal sealed class StatusCommand(CliEnvironment environment) : GongCommand<StatusSettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, StatusSettings settings, CancellationToken cancellationToken)
    {
        var integrationId = await IntegrationIdAsync(client, settings, cancellationToken);
        var status = await client.GetRequestStatusAsync(integrationId, settings.ClientRequestId!, cancellationToken);
        if (settings.Json)
        {
            // Gong's own status names, not the enum's numbers.
            WriteJson(new RequestStatusOutput(
                status.Status.ToWireName(), status.Errors, status.TotalErrorCount, status.TotalSuccessCount, status.RequestId));
            return ExitCodes.Success;
        }

        Environment.Console.MarkupLineInterpolated(
            $"{settings.ClientRequestId}: [bold]{status.Status?.ToString() ?? "unknown"}[/], {Count(status.TotalSuccessCount)} accepted, {Count(status.TotalErrorCount)} errors");
        foreach (var error in status.Errors)
        {
            Environment.Console.MarkupLineInterpolated($"  line {Count(error.Line)}: {error.Description ?? "(no description)"}");
        }

        return ExitCodes.Success;
    }

    private static string Count(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
