using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Integration;

/// <summary>Finds the job's integration in Gong, or registers it when the company has none.</summary>
/// <remarks>
/// Gong allows one CRM integration per company, and deleting one wipes every CRM object uploaded through it.
/// So an integration with another name is never replaced here: the run stops and says how to proceed.
/// </remarks>
public sealed class IntegrationResolver(IGongCrmClient client, ILogger logger)
{
    /// <summary>Returns the integration to upload through.</summary>
    /// <exception cref="SyncFailedException">Another integration exists.</exception>
    public async Task<CrmIntegration> ResolveAsync(IntegrationSettings wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var existing = await client.ListIntegrationsAsync(cancellationToken).ConfigureAwait(false);
        if (FindOrRefuse(existing, wanted) is { } reused)
        {
            PipelineLog.IntegrationReused(logger, reused.Name, reused.IntegrationId);
            return reused;
        }

        try
        {
            var registered = await client.RegisterIntegrationAsync(wanted.Name, wanted.OwnerEmail, cancellationToken).ConfigureAwait(false);
            PipelineLog.IntegrationRegistered(logger, registered.Name, registered.IntegrationId);
            return registered;
        }
        catch (GongApiException exception) when (exception.StatusCode == 409)
        {
            // Someone registered one between our list and our register: look again rather than fail blindly.
            var now = await client.ListIntegrationsAsync(cancellationToken).ConfigureAwait(false);
            return FindOrRefuse(now, wanted)
                ?? throw new SyncFailedException("Gong refused to register the integration: one already exists, but it is not listed.", exception);
        }
    }

    private static CrmIntegration? FindOrRefuse(IReadOnlyList<CrmIntegration> existing, IntegrationSettings wanted)
    {
        var same = existing.FirstOrDefault(i => string.Equals(i.Name.Trim(), wanted.Name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (same is not null || existing.Count == 0)
        {
            return same;
        }

        var other = existing[0];
        throw new SyncFailedException(
            $"Gong already has another CRM integration, \"{other.Name}\" (id {other.IntegrationId}), and allows only one per company. " +
            $"Nothing was uploaded. To upload through it, set integration.name to \"{other.Name}\" in the job file. " +
            "Deleting it (`gongbridge integration delete --integration-id " + other.IntegrationId + " --yes`) would erase every CRM object " +
            "uploaded through it, so gongbridge never does that by itself.");
    }
}
