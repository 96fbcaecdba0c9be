using GongCrmBridge.Gong.Models;
using GongCrmBridge.Schema;
using GongCrmBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Tests.Schema;

/// <summary>SchemaSynchronizer against the Gong emulator: what it reads, what it pushes, what it leaves alone.</summary>
public sealed class SchemaSynchronizerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly CrmSchemaField Tier = new("tier", "Tier", CrmFieldType.PICKLIST, OrderedValueList: ["Gold", "Silver"]);
    private static readonly CrmSchemaField Score = new("healthScore", "Health score", CrmFieldType.PERCENT);

    private EmulatedGong _gong = null!;
    private long _integrationId;

    public async Task InitializeAsync()
    {
        _gong = await EmulatedGong.StartAsync();
        _integrationId = (await _gong.Client.RegisterIntegrationAsync("Test CRM", "revops@test.example")).IntegrationId;
    }

    public async Task DisposeAsync() => await _gong.DisposeAsync();

    private SchemaSynchronizer Synchronizer() =>
        new(_gong.Client, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now), NullLogger.Instance);

    [Fact]
    public async Task SynchronizeAsync_OneTypeChanged_PushesThatTypeOnly()
    {
        // Given Gong's ACCOUNT schema already matches the job, and CONTACT gains a field
        await _gong.Client.UploadSchemaAsync(_integrationId, CrmObjectType.Account, [Tier]);
        var callsBefore = _gong.Client.CallsMade;

        // When the schema is synchronized
        var changes = await Synchronizer().SynchronizeAsync(
            _integrationId,
            new Dictionary<CrmObjectType, IReadOnlyList<CrmSchemaField>> { [CrmObjectType.Contact] = [Score], [CrmObjectType.Account] = [Tier] },
            allowFieldRemoval: false,
            CancellationToken.None);

        // Then only CONTACT is pushed: two reads and one push
        Assert.Equal([new SchemaChange(CrmObjectType.Contact, "healthScore", SchemaChangeKind.Added, "PERCENT")], changes);
        Assert.Equal(3, _gong.Client.CallsMade - callsBefore);
        Assert.Equal("healthScore", Assert.Single(await _gong.Client.GetSchemaAsync(_integrationId, CrmObjectType.Contact)).UniqueName);
        Assert.Equal("tier", Assert.Single(await _gong.Client.GetSchemaAsync(_integrationId, CrmObjectType.Account)).UniqueName);
    }

    [Fact]
    public async Task SynchronizeAsync_TypeDeclaringNoField_KeepsGongsFieldsWithoutPushing()
    {
        await _gong.Client.UploadSchemaAsync(_integrationId, CrmObjectType.Account, [Tier]);
        var callsBefore = _gong.Client.CallsMade;

        var changes = await Synchronizer().SynchronizeAsync(
            _integrationId, new Dictionary<CrmObjectType, IReadOnlyList<CrmSchemaField>> { [CrmObjectType.Account] = [] }, allowFieldRemoval: false, CancellationToken.None);

        Assert.Equal(SchemaChangeKind.Kept, Assert.Single(changes).Kind);
        Assert.Equal(1, _gong.Client.CallsMade - callsBefore);
        Assert.False(Assert.Single(await _gong.Client.GetSchemaAsync(_integrationId, CrmObjectType.Account)).IsDeleted);
    }

    [Fact]
    public async Task SynchronizeAsync_TypeDeclaringNoFieldWithRemovalAllowed_DeletesGongsFields()
    {
        await _gong.Client.UploadSchemaAsync(_integrationId, CrmObjectType.Account, [Tier]);

        var changes = await Synchronizer().SynchronizeAsync(
            _integrationId, new Dictionary<CrmObjectType, IReadOnlyList<CrmSchemaField>> { [CrmObjectType.Account] = [] }, allowFieldRemoval: true, CancellationToken.None);

        Assert.Equal(SchemaChangeKind.Removed, Assert.Single(changes).Kind);
        Assert.DoesNotContain(await _gong.Client.GetSchemaAsync(_integrationId, CrmObjectType.Account), field => !field.IsDeleted);
    }

    [Fact]
    public async Task SynchronizeAsync_TypeWithoutSchema_IsRefusedBeforeAnyCall()
    {
        var callsBefore = _gong.Client.CallsMade;

        await Assert.ThrowsAsync<ArgumentException>(() => Synchronizer().SynchronizeAsync(
            _integrationId, new Dictionary<CrmObjectType, IReadOnlyList<CrmSchemaField>> { [CrmObjectType.BusinessUser] = [] }, allowFieldRemoval: false, CancellationToken.None));

        Assert.Equal(callsBefore, _gong.Client.CallsMade);
    }
}
