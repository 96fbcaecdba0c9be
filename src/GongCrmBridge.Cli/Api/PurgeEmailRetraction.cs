using GongCrmBridge.Cli.Commands;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Privacy;
using GongCrmBridge.Status;
using Spectre.Console;

namespace GongCrmBridge.Cli.Api;

/// <summary>The first step of <c>privacy purge-email --job JOB</c>: the job's CONTACTs and LEADs holding the address
/// go to Gong as deleted (<see cref="EmailRetraction"/>) before the erase is asked for.</summary>
internal static class PurgeEmailRetraction
{
    /// <summary>Deletes the records; returns an exit code when the erase must not go ahead, else null.</summary>
    public static async Task<int?> RunAsync(
        CliEnvironment environment,
        GongCrmClient client,
        string jobPath,
        string emailAddress,
        bool sandbox,
        CancellationToken cancellationToken)
    {
        var console = environment.Console;
        var job = JobLoading.TryLoad(console, jobPath);
        if (job is null)
        {
            return ExitCodes.Configuration;
        }

        var integrations = await client.ListIntegrationsAsync(cancellationToken);
        if (integrations.Count == 0)
        {
            console.MarkupLine("Gong has no CRM integration: no CRM record to delete first.");
            return null;
        }

        var work = Path.Combine(Path.GetTempPath(), "gongbridge-purge-" + RunOptions.NewRunId(TimeProvider.System));
        try
        {
            var polling = sandbox ? PollingOptions.ForSandbox : new PollingOptions { Timeout = TimeSpan.FromMinutes(30) };
            var retracted = await new EmailRetraction(client, polling, TimeProvider.System)
                .RetractAsync(job, integrations[0].IntegrationId, emailAddress, work, cancellationToken);
            if (retracted.Count == 0)
            {
                console.MarkupLineInterpolated($"No CONTACT or LEAD of {Path.GetFileName(job.Path)} holds {emailAddress}.");
            }

            foreach (var records in retracted)
            {
                console.MarkupLineInterpolated(
                    $"Deleted in Gong's CRM data first: {records.ObjectIds.Count} {records.ObjectType} ({string.Join(", ", records.ObjectIds.Take(5))}), upload {records.ClientRequestId}. Remove them from the export too, or the next sync sends them again.");
            }

            return null;
        }
        catch (SyncFailedException exception)
        {
            console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitCodes.Failed;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
