using GongCrmBridge.Gong.Models;
using GongCrmBridge.Gong.Tests.Support;
using GongCrmBridge.Sandbox;

namespace GongCrmBridge.Gong.Tests;

/// <summary>The client against the Gong emulator over real loopback HTTP: every endpoint and documented error.</summary>
public sealed class SandboxLoopbackTests : IAsyncLifetime
{
    private const string Owner = "owner@contoso.example";
    private readonly string _dir = Directory.CreateTempSubdirectory("gong-loopback-").FullName;
    private readonly TestLogger _logger = new();
    private GongSandbox _sandbox = null!;
    private GongCrmClient _client = null!;

    public async Task InitializeAsync()
    {
        var generated = SandboxOptions.WithGeneratedCredentials();
        _sandbox = await GongSandbox.StartAsync(new SandboxOptions
        {
            AccessKey = generated.AccessKey,
            AccessKeySecret = generated.AccessKeySecret,
            BearerToken = "sandbox-bearer-token",
            RequestsPerSecond = 1000,
            PollsUntilDone = 2,
            MaxUploadBytes = 4096,
        });
        _client = NewClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AllEndpoints_FullFlow_WorkAgainstTheEmulator()
    {
        // register, list
        var integration = await _client.RegisterIntegrationAsync("Bridge", Owner);
        var listed = await _client.ListIntegrationsAsync();
        Assert.Equal([integration], listed);
        Assert.Equal(integration.IntegrationId, _sandbox.State.Integration!.IntegrationId);

        // schema up and down
        CrmSchemaField[] fields =
        [
            new("tier", "Tier", CrmFieldType.PICKLIST, OrderedValueList: ["Gold", "Silver"]),
            new("revenue", "Revenue", CrmFieldType.CURRENCY, LastModified: new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero)),
        ];
        await _client.UploadSchemaAsync(integration.IntegrationId, CrmObjectType.Account, fields);
        var schema = await _client.GetSchemaAsync(integration.IntegrationId, CrmObjectType.Account);
        Assert.Equal(["tier", "revenue"], schema.Select(f => f.UniqueName));
        Assert.Equal(["Gold", "Silver"], schema[0].OrderedValueList!);
        Assert.Equal(CrmFieldType.CURRENCY, schema[1].Type);

        // upload, poll to the end
        var path = WriteFile("accounts.ldjson",
            """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Fabrikam","tier":"Gold","revenue":12.5}""",
            """{"objectId":"ACC-2","modifiedDate":"2024-03-01T08:00:00Z","name":"Northwind"}""");
        var receipt = await _client.UploadEntitiesAsync(integration.IntegrationId, CrmObjectType.Account, "acct-full-1", path);
        Assert.False(receipt.AlreadyAccepted);
        Assert.False(string.IsNullOrEmpty(receipt.RequestId));
        var states = new List<RequestState?>();
        RequestStatus status;
        do
        {
            status = await _client.GetRequestStatusAsync(integration.IntegrationId, "acct-full-1");
            states.Add(status.Status);
        }
        while (!status.IsFinal && states.Count < 10);

        Assert.Equal(RequestState.Done, status.Status);
        Assert.Equal(2, status.TotalSuccessCount);
        Assert.Equal(0, status.TotalErrorCount);
        Assert.Contains(states, s => s is RequestState.Pending or RequestState.InProgress);

        // read back
        var objects = await _client.GetObjectsAsync(integration.IntegrationId, CrmObjectType.Account, ["ACC-1", "ACC-2", "ACC-404"]);
        Assert.Equal("Fabrikam", objects["ACC-1"]!.Value.GetProperty("name").GetString());
        Assert.NotNull(objects["ACC-2"]);
        Assert.Null(objects["ACC-404"]);

        // delete, poll
        var deletion = await _client.DeleteIntegrationAsync(integration.IntegrationId, "delete-1");
        Assert.Equal("delete-1", deletion.ClientRequestId);
        var deleteStatus = await _client.GetRequestStatusAsync(integration.IntegrationId, "delete-1");
        Assert.NotNull(deleteStatus.Status);

        Assert.Equal(_sandbox.State.CallCount(), _client.CallsMade);
    }

    [Fact]
    public async Task RegisterIntegration_Twice_IntegrationExistsWithTheExistingOne()
    {
        var first = await _client.RegisterIntegrationAsync("Bridge", Owner);

        var exception = await Assert.ThrowsAsync<IntegrationExistsException>(() => _client.RegisterIntegrationAsync("Other", "x@contoso.example"));

        Assert.Equal(first, exception.Existing);
        Assert.Equal(409, exception.StatusCode);
        Assert.False(string.IsNullOrEmpty(exception.RequestId));
    }

    [Fact]
    public async Task AnyCall_WrongSecret_401NotRetriedAndSecretNotShown()
    {
        using var client = NewClient(o => o.Credentials = GongCredentials.Basic(_sandbox.Options.AccessKey, "wrong-secret-value"));

        var exception = await Assert.ThrowsAsync<GongApiException>(() => client.ListIntegrationsAsync());

        Assert.Equal(401, exception.StatusCode);
        Assert.NotEmpty(exception.Errors);
        Assert.Equal(1, _sandbox.State.CallCount());
        Assert.DoesNotContain("wrong-secret-value", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_BearerToken_Accepted()
    {
        using var client = NewClient(o => o.Credentials = GongCredentials.Bearer("sandbox-bearer-token"));

        Assert.Empty(await client.ListIntegrationsAsync());
    }

    [Fact]
    public async Task UploadSchema_PicklistWithoutValues_400WithGongErrors()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;

        var exception = await Assert.ThrowsAsync<GongApiException>(() =>
            _client.UploadSchemaAsync(id, CrmObjectType.Deal, [new CrmSchemaField("tier", "Tier", CrmFieldType.PICKLIST)]));

        Assert.Equal(400, exception.StatusCode);
        Assert.NotEmpty(exception.Errors);
        Assert.Equal(1, _sandbox.State.CallCount(SandboxRoute.UploadSchema));
    }

    [Fact]
    public async Task UploadSchema_PreviousFieldOmitted_400()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;
        await _client.UploadSchemaAsync(id, CrmObjectType.Contact, [new CrmSchemaField("a", "A", CrmFieldType.STRING)]);

        var exception = await Assert.ThrowsAsync<GongApiException>(() =>
            _client.UploadSchemaAsync(id, CrmObjectType.Contact, [new CrmSchemaField("b", "B", CrmFieldType.STRING)]));

        Assert.Equal(400, exception.StatusCode);
    }

    [Fact]
    public async Task UploadEntities_ClientRequestIdReused_409()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;
        var path = WriteFile("a.ldjson", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""");
        await _client.UploadEntitiesAsync(id, CrmObjectType.Account, "same-id", path);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _client.UploadEntitiesAsync(id, CrmObjectType.Account, "same-id", path));

        Assert.Equal(409, exception.StatusCode);
    }

    [Fact]
    public async Task UploadEntities_BadRecords_StatusFailedWithLinesAndCounts()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;
        var path = WriteFile("a.ldjson",
            """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""",
            """{"objectId":"ACC-2"}""",
            """{"objectId":"ACC-3","modifiedDate":"2024-03-01T08:00:00.123Z"}""");
        await _client.UploadEntitiesAsync(id, CrmObjectType.Account, "bad-1", path);

        var status = await PollAsync(id, "bad-1");

        Assert.Equal(RequestState.Failed, status.Status);
        Assert.Equal(2, status.TotalErrorCount);
        Assert.Equal(1, status.TotalSuccessCount);
        Assert.Equal([2, 3], status.Errors.Select(e => e.Line!.Value));
        Assert.All(status.Errors, e => Assert.False(string.IsNullOrEmpty(e.Description)));
    }

    [Fact]
    public async Task UploadEntities_FileOverGongsLimit_400FromGong()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;
        var line = """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}""";
        var path = WriteFile("big.ldjson", [.. Enumerable.Repeat(line, 100)]);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _client.UploadEntitiesAsync(id, CrmObjectType.Account, "big-1", path));

        Assert.Equal(400, exception.StatusCode);
    }

    [Fact]
    public async Task UploadEntities_ConnectionDroppedAfterGongAcceptedIt_AppliedOnceAndAlreadyAccepted()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;
        var path = WriteFile("a.ldjson", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""");
        _sandbox.Faults.DropConnectionNext(SandboxRoute.UploadEntities, 1, afterProcessing: true);

        var receipt = await _client.UploadEntitiesAsync(id, CrmObjectType.Account, "drop-after-1", path);

        Assert.True(receipt.AlreadyAccepted);
        Assert.Equal(1, _sandbox.State.UploadCount);
        Assert.Equal(2, _sandbox.State.CallCount(SandboxRoute.UploadEntities));
        Assert.Equal(RequestState.Done, (await PollAsync(id, "drop-after-1")).Status);
    }

    [Fact]
    public async Task UploadEntities_ConnectionDroppedBeforeProcessing_RetriedAndAccepted()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;
        var path = WriteFile("a.ldjson", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""");
        _sandbox.Faults.DropConnectionNext(SandboxRoute.UploadEntities, 1, afterProcessing: false);

        var receipt = await _client.UploadEntitiesAsync(id, CrmObjectType.Account, "drop-before-1", path);

        Assert.False(receipt.AlreadyAccepted);
        Assert.NotNull(receipt.RequestId);
        Assert.Equal(1, _sandbox.State.UploadCount);
    }

    [Fact]
    public async Task AnyCall_Two500s_RetriedUntilSuccess()
    {
        _sandbox.Faults.FailNext(SandboxRoute.ListIntegrations, 2, 500);

        Assert.Empty(await _client.ListIntegrationsAsync());

        Assert.Equal(3, _sandbox.State.CallCount(SandboxRoute.ListIntegrations));
        Assert.Equal(3, _client.CallsMade);
        Assert.Equal(2, _logger.Lines.Count(line => line.Contains("GongRetry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnyCall_Injected429_WaitsRetryAfterThenSucceeds()
    {
        _sandbox.Faults.RateLimitNext(SandboxRoute.ListIntegrations, 1, TimeSpan.FromSeconds(1));
        var started = TimeProvider.System.GetTimestamp();

        Assert.Empty(await _client.ListIntegrationsAsync());

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.95));
        Assert.Equal(2, _client.CallsMade);
    }

    [Fact]
    public async Task AnyCall_RealRateLimit_ClientFasterThanGong_Honours429AndSucceeds()
    {
        await using var strict = await GongSandbox.StartAsync(new SandboxOptions
        {
            AccessKey = _sandbox.Options.AccessKey,
            AccessKeySecret = _sandbox.Options.AccessKeySecret,
            RequestsPerSecond = 2,
        });
        using var client = NewClient(o =>
        {
            o.BaseUrl = strict.BaseUrl;
            o.RequestsPerSecond = 100;
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.ListIntegrationsAsync()));

        Assert.True(strict.State.RateLimitedCallCount > 0);
        Assert.Equal(strict.State.CallCount(), client.CallsMade);
    }

    [Fact]
    public async Task AnyCall_SlowerThanAttemptTimeout_TimesOutEachAttemptThenFails()
    {
        _sandbox.Faults.Delay(SandboxRoute.ListIntegrations, TimeSpan.FromSeconds(5));
        using var client = NewClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        });

        var exception = await Assert.ThrowsAsync<GongApiException>(() => client.ListIntegrationsAsync());

        Assert.Null(exception.StatusCode);
        Assert.Equal(2, client.CallsMade);
    }

    [Fact]
    public async Task GetObjects_150Ids_TwoCallsAndEveryIdAnswered()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;
        var path = WriteFile("a.ldjson", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""");
        await _client.UploadEntitiesAsync(id, CrmObjectType.Account, "one", path);
        await PollAsync(id, "one");
        var ids = Enumerable.Range(1, 150).Select(i => $"ACC-{i}").ToList();

        var objects = await _client.GetObjectsAsync(id, CrmObjectType.Account, ids);

        Assert.Equal(2, _sandbox.State.CallCount(SandboxRoute.GetEntities));
        Assert.Equal(150, objects.Count);
        Assert.NotNull(objects["ACC-1"]);
        Assert.Null(objects["ACC-150"]);
    }

    [Fact]
    public async Task GetRequestStatus_UnknownClientRequestId_400()
    {
        var id = (await _client.RegisterIntegrationAsync("Bridge", Owner)).IntegrationId;

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _client.GetRequestStatusAsync(id, "never-sent"));

        Assert.Equal(400, exception.StatusCode);
    }

    [Fact]
    public async Task AnyCall_UnknownIntegrationId_400()
    {
        await _client.RegisterIntegrationAsync("Bridge", Owner);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _client.GetSchemaAsync(12345, CrmObjectType.Deal));

        Assert.Equal(400, exception.StatusCode);
    }

    [Fact]
    public async Task Logs_AfterFailures_NoCredentials()
    {
        _sandbox.Faults.FailNext(SandboxRoute.ListIntegrations, 1, 503);
        using var wrong = NewClient(o => o.Credentials = GongCredentials.Basic(_sandbox.Options.AccessKey, "other-secret-xyz"));

        await _client.ListIntegrationsAsync();
        await Assert.ThrowsAsync<GongApiException>(() => wrong.ListIntegrationsAsync());

        Assert.NotEmpty(_logger.Lines);
        Assert.DoesNotContain(_sandbox.Options.AccessKeySecret, _logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("other-secret-xyz", _logger.AllText, StringComparison.Ordinal);
    }

    private GongCrmClient NewClient(Action<GongClientOptions>? configure = null)
    {
        var options = new GongClientOptions
        {
            BaseUrl = _sandbox.BaseUrl,
            Credentials = GongCredentials.Basic(_sandbox.Options.AccessKey, _sandbox.Options.AccessKeySecret),
            RequestsPerSecond = 1000,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new GongCrmClient(options, _logger);
    }

    private async Task<RequestStatus> PollAsync(long integrationId, string clientRequestId)
    {
        for (var i = 0; i < 10; i++)
        {
            var status = await _client.GetRequestStatusAsync(integrationId, clientRequestId);
            if (status.IsFinal)
            {
                return status;
            }
        }

        throw new TimeoutException("The upload did not finish within 10 polls.");
    }

    private string WriteFile(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
