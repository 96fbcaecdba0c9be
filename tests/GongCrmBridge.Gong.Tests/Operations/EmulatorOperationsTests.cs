using GongCrmBridge.Gong.Api;
using GongCrmBridge.Gong.Tests.Support;
using GongCrmBridge.Sandbox;

namespace GongCrmBridge.Gong.Tests.Operations;

/// <summary>The client against the emulator over loopback HTTP: every typed method is answered, its answer reads
/// into the client's records, and what the emulator holds comes back (users across pages, linked CRM objects).</summary>
public sealed class EmulatorOperationsTests : IAsyncLifetime
{
    private readonly string _file = Path.GetTempFileName();
    private GongSandbox _sandbox = null!;
    private GongCrmClient _client = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_file, """{"objectId":"A-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Contoso","domains":["contoso.example"]}""" + "\n");
        var generated = SandboxOptions.WithGeneratedCredentials();
        _sandbox = await GongSandbox.StartAsync(new SandboxOptions
        {
            AccessKey = generated.AccessKey,
            AccessKeySecret = generated.AccessKeySecret,
            RequestsPerSecond = 1000,
            PollsUntilDone = 0,
            PageSize = 4,
        });
        _client = new GongCrmClient(new GongClientOptions
        {
            BaseUrl = _sandbox.BaseUrl,
            Credentials = GongCredentials.Basic(generated.AccessKey, generated.AccessKeySecret),
            RequestsPerSecond = 1000,
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task EveryMethod_AgainstTheEmulator_IsAnsweredOnItsOwnRoute()
    {
        // Given targets the emulator holds
        var manager = SandboxSeed.Users[0];
        var targets = new OperationTargets
        {
            File = _file,
            UserId = SandboxSeed.Users[1].Id,
            UserEmail = SandboxSeed.Users[1].EmailAddress,
            CallId = SandboxSeed.Calls[0].Id,
            ManagerId = manager.Id,
            WorkspaceId = SandboxSeed.MainWorkspaceId,
            ProfileId = "4001",
            FolderId = "3843152912968920037",
            FlowId = "8012001",
        };

        // When every method is called in turn
        var failures = new List<string>();
        foreach (var (operationId, call) in EveryOperation.Calls(targets))
        {
            try
            {
                await call(_client);
            }
            catch (GongApiException exception)
            {
                failures.Add(operationId + ": " + exception.Message);
            }
        }

        // Then none failed, every one of the emulator's routes answered, and each HTTP call was one the emulator routed
        Assert.Empty(failures);
        Assert.All(Enum.GetValues<SandboxRoute>(), route => Assert.True(_sandbox.State.CallCount(route) >= 1, $"{route} was never called"));
        Assert.Equal(_client.CallsMade, _sandbox.State.CallCount());
    }

    [Fact]
    public async Task ListUsers_PagesOfFour_EveryUserOnceAcrossThreePages()
    {
        var pages = await _client.Users.ListAsync().ToListAsync();

        Assert.Equal(3, pages.Count);
        Assert.Equal(SandboxSeed.Users.Where(u => !u.IsAvatar).Select(u => u.EmailAddress), pages.SelectMany(p => p.Users!).Select(u => u.EmailAddress));
        Assert.Equal([0, 1, 2], pages.Select(p => p.Records!.CurrentPageNumber));
    }

    [Fact]
    public async Task ListCallsExtensive_UploadedAccount_IsTheCallsCrmContext()
    {
        // Given Contoso uploaded through the client, with the domain of the seeded calls' guests
        var integration = await _client.RegisterIntegrationAsync("Bridge", "owner@x.example");
        await _client.UploadEntitiesAsync(integration.IntegrationId, Models.CrmObjectType.Account, "acc-1", _file);
        await _client.GetRequestStatusAsync(integration.IntegrationId, "acc-1");

        // When the calls are read with their CRM context
        var calls = await _client.Calls.ListExtensiveAsync(new CallsExtensiveFilter(), new ContentSelector { Context = "Extended" })
            .ItemsAsync(page => page.Calls).ToListAsync();

        // Then the two Contoso calls carry the account and its fields, the others nothing
        var linked = calls.Where(c => c.Context is { Count: > 0 }).ToList();
        Assert.Equal(["Discovery with Contoso", "Contoso pricing review"], linked.Select(c => c.MetaData!.Title));
        var account = linked[0].Context![0].Objects![0];
        Assert.Equal(("Account", "A-1", "Generic"), (account.ObjectType, account.ObjectId, linked[0].Context![0].System));
        Assert.Equal("Contoso", account.Fields!.Single(f => f.Name == "name").Value!.Value.GetString());
    }

    [Fact]
    public async Task EraseEmail_TheEmulatorCarriesItOut_LookupFindsNothingAfterwards()
    {
        const string Guest = "lena.novak@fabrikam.example";
        var before = await _client.Privacy.FindReferencesToEmailAsync(Guest);

        await _client.Privacy.EraseEmailAsync(Guest); // carried out by the emulator before its next answer (no processing delay here)
        var after = await _client.Privacy.FindReferencesToEmailAsync(Guest);

        Assert.Equal(2, before.Calls!.Count);
        Assert.Empty(after.Calls!);
    }
}
