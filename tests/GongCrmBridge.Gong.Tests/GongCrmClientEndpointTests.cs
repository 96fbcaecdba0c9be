using System.Text.Json;
using Flurl.Http.Testing;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Gong.Tests.Support;

namespace GongCrmBridge.Gong.Tests;

/// <summary>Wire shapes of the eight endpoints, checked with Flurl's HttpTest.</summary>
public sealed class GongCrmClientEndpointTests : IDisposable
{
    private readonly HttpTest _http = new();
    private readonly GongCrmClient _client = Clients.Create(Clients.NewClock());
    private readonly string _dir = Directory.CreateTempSubdirectory("gong-client-").FullName;

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ListIntegrations_LongIdAndBasicAuth_ParsedAndSent()
    {
        _http.RespondWith("""{"requestId":"r1","integrations":[{"integrationId":7301946652280011234,"name":"Bridge","ownerEmail":"a@b.example"}]}""");

        var integrations = await _client.ListIntegrationsAsync();

        Assert.Equal([new CrmIntegration(7301946652280011234, "Bridge", "a@b.example")], integrations);
        _http.ShouldHaveCalled("https://us-12345.api.gong.io/v2/crm/integrations")
            .WithVerb(HttpMethod.Get)
            .WithBasicAuth(Clients.AccessKey, Clients.Secret)
            .Times(1);
    }

    [Fact]
    public async Task ListIntegrations_BearerCredentials_SendsBearerHeader()
    {
        using var client = new GongCrmClient(new GongClientOptions
        {
            BaseUrl = Clients.BaseUrl,
            Credentials = GongCredentials.Bearer("tok-123"),
        });
        _http.RespondWith("""{"requestId":"r1","integrations":[]}""");

        var integrations = await client.ListIntegrationsAsync();

        Assert.Empty(integrations);
        _http.ShouldHaveCalled("*/v2/crm/integrations").WithOAuthBearerToken("tok-123");
    }

    [Fact]
    public async Task RegisterIntegration_Success_SendsNameAndOwnerAndReturnsId()
    {
        _http.RespondWith("""{"requestId":"r1","integrationId":5517027188234205706}""");

        var integration = await _client.RegisterIntegrationAsync("Bridge", "owner@contoso.example");

        Assert.Equal(new CrmIntegration(5517027188234205706, "Bridge", "owner@contoso.example"), integration);
        _http.ShouldHaveCalled("*/v2/crm/integrations").WithVerb(HttpMethod.Put)
            .WithRequestBody("""{"name":"Bridge","ownerEmail":"owner@contoso.example"}""");
    }

    [Fact]
    public async Task RegisterIntegration_409_ThrowsIntegrationExistsCarryingTheListedOne()
    {
        _http.RespondWith("""{"requestId":"r409","errors":["an active integration already exists"]}""", 409)
            .RespondWith("""{"requestId":"r2","integrations":[{"integrationId":42,"name":"Other","ownerEmail":"x@y.example"}]}""");

        var exception = await Assert.ThrowsAsync<IntegrationExistsException>(() => _client.RegisterIntegrationAsync("Bridge", "owner@contoso.example"));

        Assert.Equal(new CrmIntegration(42, "Other", "x@y.example"), exception.Existing);
        Assert.Equal(409, exception.StatusCode);
        Assert.Equal("r409", exception.RequestId);
        Assert.Equal(["an active integration already exists"], exception.Errors);
    }

    [Fact]
    public async Task RegisterIntegration_409AndListFails_ThrowsWithoutExisting()
    {
        _http.RespondWith("""{"requestId":"r409","errors":["exists"]}""", 409)
            .RespondWith("""{"requestId":"r2","errors":["nope"]}""", 400);

        var exception = await Assert.ThrowsAsync<IntegrationExistsException>(() => _client.RegisterIntegrationAsync("Bridge", "owner@contoso.example"));

        Assert.Null(exception.Existing);
    }

    [Fact]
    public async Task DeleteIntegration_SendsIdsInQuery_ReturnsReceipt()
    {
        _http.RespondWith("""{"requestId":"r1","clientRequestId":"del-1"}""", 201);

        var receipt = await _client.DeleteIntegrationAsync(7301946652280011234, "del-1");

        Assert.Equal(new UploadReceipt("del-1", "r1", false), receipt);
        _http.ShouldHaveCalled("*/v2/crm/integrations").WithVerb(HttpMethod.Delete)
            .WithQueryParam("integrationId", "7301946652280011234").WithQueryParam("clientRequestId", "del-1");
    }

    [Fact]
    public async Task UploadSchema_Fields_SendsGongShapeWithoutNulls()
    {
        _http.RespondWith("""{"requestId":"r1"}""", 201);
        CrmSchemaField[] fields =
        [
            new("forecast", "Forecast", CrmFieldType.PICKLIST, OrderedValueList: ["Commit", "Closed"],
                LastModified: new DateTimeOffset(2024, 3, 1, 10, 0, 0, 123, TimeSpan.FromHours(2))),
            new("primary", "Primary contact", CrmFieldType.REFERENCE, ReferenceTo: "CONTACT"),
            new("old", "Old", CrmFieldType.STRING, IsDeleted: true),
        ];

        await _client.UploadSchemaAsync(7, CrmObjectType.Deal, fields);

        _http.ShouldHaveCalled("*/v2/crm/entity-schema").WithVerb(HttpMethod.Post)
            .WithQueryParam("integrationId", "7").WithQueryParam("objectType", "DEAL")
            .WithRequestBody(
                """[{"uniqueName":"forecast","label":"Forecast","type":"PICKLIST","lastModified":"2024-03-01T08:00:00Z","orderedValueList":["Commit","Closed"]},""" +
                """{"uniqueName":"primary","label":"Primary contact","type":"REFERENCE","referenceTo":"CONTACT"},""" +
                """{"uniqueName":"old","label":"Old","type":"STRING","isDeleted":true}]""");
    }

    [Theory]
    [InlineData(CrmObjectType.BusinessUser)]
    [InlineData(CrmObjectType.Stage)]
    public async Task UploadSchema_TypeWithoutSchema_RefusedWithoutCall(CrmObjectType type)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UploadSchemaAsync(7, type, []));
        _http.ShouldNotHaveMadeACall();
    }

    [Fact]
    public async Task GetSchema_NameAliasAndUniqueName_BothRead()
    {
        _http.RespondWith("""
            {"requestId":"r1","objectTypeToSelectedFields":{"DEAL":[
              {"name":"forecast","label":"Forecast","type":"PICKLIST","lastModified":null,"isDeleted":false,"referenceTo":null,"orderedValueList":null},
              {"uniqueName":"primary","label":"Primary","type":"REFERENCE","referenceTo":"CONTACT","lastModified":"2024-03-01T08:00:00Z","newField":1}
            ]}}
            """);

        var fields = await _client.GetSchemaAsync(7, CrmObjectType.Deal);

        Assert.Equal(2, fields.Count);
        Assert.Equal(new CrmSchemaField("forecast", "Forecast", CrmFieldType.PICKLIST), fields[0]);
        Assert.Equal("primary", fields[1].UniqueName);
        Assert.Equal(CrmFieldType.REFERENCE, fields[1].Type);
        Assert.Equal("CONTACT", fields[1].ReferenceTo);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), fields[1].LastModified);
        _http.ShouldHaveCalled("*/v2/crm/entity-schema").WithVerb(HttpMethod.Get).WithQueryParam("objectType", "DEAL");
    }

    [Fact]
    public async Task GetSchema_TypeMissingFromMap_ReturnsEmpty()
    {
        _http.RespondWith("""{"requestId":"r1","objectTypeToSelectedFields":{"ACCOUNT":[]}}""");

        Assert.Empty(await _client.GetSchemaAsync(7, CrmObjectType.Deal));
    }

    [Fact]
    public async Task UploadEntities_File_SendsMultipartWithQueryParameters()
    {
        var path = WriteFile("accounts.ldjson", """{"objectId":"A-1","modifiedDate":"2024-03-01T08:00:00Z"}""" + "\n");
        _http.RespondWith("""{"requestId":"r1","clientRequestId":"acct-1"}""", 201);

        var receipt = await _client.UploadEntitiesAsync(7, CrmObjectType.Account, "acct-1", path);

        Assert.Equal(new UploadReceipt("acct-1", "r1", false), receipt);
        _http.ShouldHaveCalled("*/v2/crm/entities").WithVerb(HttpMethod.Post)
            .WithQueryParam("integrationId", "7").WithQueryParam("objectType", "ACCOUNT").WithQueryParam("clientRequestId", "acct-1")
            .WithContentType("multipart/form-data");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/y")]
    [InlineData("dot.id")]
    [InlineData("caf\u00e9")]
    [InlineData("")]
    public async Task UploadEntities_BadClientRequestId_RefusedWithoutCall(string clientRequestId)
    {
        var path = WriteFile("a.ldjson", "{}\n");

        await Assert.ThrowsAsync<ArgumentException>(() => _client.UploadEntitiesAsync(7, CrmObjectType.Account, clientRequestId, path));

        _http.ShouldNotHaveMadeACall();
        Assert.Equal(0, _client.CallsMade);
    }

    [Fact]
    public async Task UploadEntities_FileOverLimit_RefusedWithoutCall()
    {
        using var client = Clients.Create(Clients.NewClock(), o => o.MaxUploadBytes = 10);
        var path = WriteFile("big.ldjson", "01234567890");

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadEntitiesAsync(7, CrmObjectType.Account, "ok_id-1", path));

        Assert.Contains("11 bytes", exception.Message, StringComparison.Ordinal);
        _http.ShouldNotHaveMadeACall();
    }

    [Fact]
    public async Task UploadEntities_DefaultLimit_IsTwoHundredMillionBytesNotMebibytes()
    {
        using var client = Clients.Create(Clients.NewClock());
        var path = Path.Combine(_dir, "just-over-200-mb.ldjson");
        using (var sparse = File.Create(path))
        {
            sparse.SetLength(200_000_001); // sparse: no 200 MB written to the disk
        }

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadEntitiesAsync(7, CrmObjectType.Account, "ok_id-1", path));

        Assert.Contains("limit is 200000000 bytes", exception.Message, StringComparison.Ordinal);
        _http.ShouldNotHaveMadeACall();
    }

    [Fact]
    public async Task UploadEntities_FileAtLimit_Sent()
    {
        using var client = Clients.Create(Clients.NewClock(), o => o.MaxUploadBytes = 10);
        var path = WriteFile("ok.ldjson", "0123456789");
        _http.RespondWith("""{"requestId":"r1"}""", 201);

        await client.UploadEntitiesAsync(7, CrmObjectType.Account, "ok_id-1", path);

        _http.ShouldHaveCalled("*/v2/crm/entities").Times(1);
    }

    [Fact]
    public async Task UploadEntities_MissingFile_ThrowsFileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => _client.UploadEntitiesAsync(7, CrmObjectType.Account, "id", Path.Combine(_dir, "none.ldjson")));
        _http.ShouldNotHaveMadeACall();
    }

    [Fact]
    public async Task UploadEntities_409OnFirstAttempt_IsAnError()
    {
        var path = WriteFile("a.ldjson", "{}\n");
        _http.RespondWith("""{"requestId":"r9","errors":["clientRequestId already used"]}""", 409);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _client.UploadEntitiesAsync(7, CrmObjectType.Account, "dup", path));

        Assert.Equal(409, exception.StatusCode);
        Assert.Equal("r9", exception.RequestId);
    }

    [Fact]
    public async Task GetRequestStatus_FullAnswer_AllFieldsRead()
    {
        _http.RespondWith("""
            {"requestId":"r1","status":"FAILED","errors":[{"line":17,"description":"Mandatory field [modifiedDate] is missing or empty"},{"line":0}],
             "totalErrorCount":2,"totalSuccessCount":9998}
            """);

        var status = await _client.GetRequestStatusAsync(7, "up-1");

        Assert.Equal(RequestState.Failed, status.Status);
        Assert.Equal([new RequestError(17, "Mandatory field [modifiedDate] is missing or empty"), new RequestError(0, null)], status.Errors);
        Assert.Equal(2, status.TotalErrorCount);
        Assert.Equal(9998, status.TotalSuccessCount);
        Assert.Equal("r1", status.RequestId);
        Assert.True(status.IsFinal);
        _http.ShouldHaveCalled("*/v2/crm/request-status").WithVerb(HttpMethod.Get)
            .WithQueryParam("integrationId", "7").WithQueryParam("clientRequestId", "up-1");
    }

    [Theory]
    [InlineData("{}", null)]
    [InlineData("""{"status":"PENDING"}""", RequestState.Pending)]
    [InlineData("""{"status":"IN_PROGRESS","errors":null}""", RequestState.InProgress)]
    [InlineData("""{"status":"DONE"}""", RequestState.Done)]
    [InlineData("""{"status":"SOMETHING_NEW"}""", null)]
    public async Task GetRequestStatus_SparseAnswer_FieldsNullable(string body, RequestState? expected)
    {
        _http.RespondWith(body);

        var status = await _client.GetRequestStatusAsync(7, "up-1");

        Assert.Equal(expected, status.Status);
        Assert.Empty(status.Errors);
        Assert.Null(status.TotalErrorCount);
        Assert.Null(status.TotalSuccessCount);
    }

    [Fact]
    public async Task GetObjects_250Ids_ThreeCallsOfAtMost100IdsInTheGetBody()
    {
        var ids = Enumerable.Range(1, 250).Select(i => $"A-{i}").ToList();
        foreach (var batch in ids.Chunk(100))
        {
            var map = batch.ToDictionary(id => id, id => id == "A-250" ? null : (object)new { name = "n" + id });
            _http.RespondWithJson(new { requestId = "r", crmObjectsMap = map });
        }

        var objects = await _client.GetObjectsAsync(7, CrmObjectType.Account, [.. ids, "A-1"]);

        Assert.Equal(250, objects.Count);
        Assert.Null(objects["A-250"]);
        Assert.Equal("nA-7", objects["A-7"]!.Value.GetProperty("name").GetString());
        Assert.Equal(3, _http.CallLog.Count);
        Assert.All(_http.CallLog, call =>
        {
            Assert.Equal(HttpMethod.Get, call.HttpRequestMessage.Method);
            Assert.Equal("ACCOUNT", call.Request.Url.QueryParams.FirstOrDefault("objectType"));
        });
        var sent = _http.CallLog.Select(call => JsonSerializer.Deserialize<string[]>(call.RequestBody!)!).ToList();
        Assert.Equal([100, 100, 50], sent.Select(batch => batch.Length));
        Assert.Equal(ids, sent.SelectMany(batch => batch));
    }

    [Fact]
    public async Task GetObjects_NoIds_NoCall()
    {
        Assert.Empty(await _client.GetObjectsAsync(7, CrmObjectType.Deal, []));
        _http.ShouldNotHaveMadeACall();
    }

    [Fact]
    public async Task GetObjects_BusinessUser_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.GetObjectsAsync(7, CrmObjectType.BusinessUser, ["u"]));
    }

    [Fact]
    public async Task AnyCall_400_GongApiExceptionWithRequestIdAndErrors()
    {
        _http.RespondWith("""{"requestId":"r400","errors":["integrationId is not valid","second"]}""", 400);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _client.GetRequestStatusAsync(7, "x"));

        Assert.Equal(400, exception.StatusCode);
        Assert.Equal("r400", exception.RequestId);
        Assert.Equal(["integrationId is not valid", "second"], exception.Errors);
        Assert.Contains("GET /v2/crm/request-status", exception.Message, StringComparison.Ordinal);
        Assert.Contains("r400", exception.Message, StringComparison.Ordinal);
        Assert.Contains("integrationId is not valid", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_NonJsonErrorBody_StillGongApiException()
    {
        _http.RespondWith("<html>bad gateway</html>", 401);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _client.ListIntegrationsAsync());

        Assert.Equal(401, exception.StatusCode);
        Assert.Empty(exception.Errors);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
