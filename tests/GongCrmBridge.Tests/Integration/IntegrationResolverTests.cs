using GongCrmBridge.Integration;
using GongCrmBridge.Jobs;
using GongCrmBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Tests.Integration;

/// <summary>IntegrationResolver against the Gong emulator: register when there is none, reuse by name, never replace.</summary>
public sealed class IntegrationResolverTests : IAsyncLifetime
{
    private static readonly IntegrationSettings Wanted = new("Acme CRM", "revops@acme.example");

    private EmulatedGong _gong = null!;

    public async Task InitializeAsync() => _gong = await EmulatedGong.StartAsync();

    public async Task DisposeAsync() => await _gong.DisposeAsync();

    private IntegrationResolver Resolver() => new(_gong.Client, NullLogger.Instance);

    [Fact]
    public async Task ResolveAsync_NoIntegration_RegistersTheJobsOne()
    {
        var integration = await Resolver().ResolveAsync(Wanted, CancellationToken.None);

        var listed = Assert.Single(await _gong.Client.ListIntegrationsAsync());
        Assert.Equal((listed.IntegrationId, "Acme CRM"), (integration.IntegrationId, integration.Name));
    }

    [Fact]
    public async Task ResolveAsync_SameNameInOtherCase_ReusesItWithoutRegistering()
    {
        var existing = await _gong.Client.RegisterIntegrationAsync("ACME crm", "someone@acme.example");
        var callsBefore = _gong.Client.CallsMade;

        var integration = await Resolver().ResolveAsync(Wanted, CancellationToken.None);

        Assert.Equal(existing.IntegrationId, integration.IntegrationId);
        Assert.Equal(1, _gong.Client.CallsMade - callsBefore);
    }

    [Fact]
    public async Task ResolveAsync_AnotherIntegrationExists_StopsNamingItAndLeavesItInPlace()
    {
        var other = await _gong.Client.RegisterIntegrationAsync("Legacy CRM", "someone@acme.example");

        var refusal = await Assert.ThrowsAsync<SyncFailedException>(() => Resolver().ResolveAsync(Wanted, CancellationToken.None));

        Assert.Contains("\"Legacy CRM\"", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(other.IntegrationId.ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Message, StringComparison.Ordinal);
        Assert.Equal(other.IntegrationId, Assert.Single(await _gong.Client.ListIntegrationsAsync()).IntegrationId);
    }

    [Fact]
    public async Task ResolveAsync_AnotherIntegrationExists_AdviceNamesTheDeleteCommandsRealOption()
    {
        var other = await _gong.Client.RegisterIntegrationAsync("Legacy CRM", "someone@acme.example");

        var refusal = await Assert.ThrowsAsync<SyncFailedException>(() => Resolver().ResolveAsync(Wanted, CancellationToken.None));

        Assert.Contains(
            $"gongbridge integration delete --integration-id {other.IntegrationId} --yes",
            refusal.Message,
            StringComparison.Ordinal);
    }
}
