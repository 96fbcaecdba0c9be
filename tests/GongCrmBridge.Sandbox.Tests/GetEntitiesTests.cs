using System.Net;
using System.Text;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class GetEntitiesTests
{
    [Fact]
    public async Task Get_IdsInBody_ReturnsStoredRecordsAndNullForUnknown()
    {
        await using var test = await TestSandbox.StartAsync();
        await test.UploadAndCompleteAsync("DEAL", """{"objectId":"OPP-7001","modifiedDate":"2024-03-03T14:20:00Z","name":"Renewal","amount":48000,"closeDate":"2024-06-30"}""");

        using var response = await test.GetObjectsAsync("DEAL", "OPP-7001", "OPP-9999");
        var body = await TestSandbox.BodyAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("requestId").GetString()));
        var map = body.GetProperty("crmObjectsMap");
        Assert.Equal("Renewal", map.GetProperty("OPP-7001").GetProperty("name").GetString());
        Assert.Equal(48000, map.GetProperty("OPP-7001").GetProperty("amount").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, map.GetProperty("OPP-9999").ValueKind);
    }

    [Fact]
    public async Task Get_BeforeProcessingCompleted_DoesNotSeeTheUpload()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pollsUntilDone: 2));
        await test.AcceptedUploadAsync("ACCOUNT", "a1", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""");

        using var response = await test.GetObjectsAsync("ACCOUNT", "ACC-1");
        var body = await TestSandbox.BodyAsync(response);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("crmObjectsMap").GetProperty("ACC-1").ValueKind);
    }

    [Fact]
    public async Task Get_MoreThanHundredIds_AnswersTheFirstHundred()
    {
        await using var test = await TestSandbox.StartAsync();
        var ids = Enumerable.Range(1, 120).Select(i => $"ACC-{i}").ToArray();

        using var response = await test.GetObjectsAsync("ACCOUNT", ids);
        var map = (await TestSandbox.BodyAsync(response)).GetProperty("crmObjectsMap");

        Assert.Equal(ids.Take(100), map.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("BUSINESS_USER")]
    [InlineData("STAGE")]
    public async Task Get_ForUserOrStage_Returns400(string objectType)
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.GetObjectsAsync(objectType, "X-1");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"ids\":[\"A\"]}")]
    [InlineData("[1,2]")]
    public async Task Get_WithoutAnArrayOfIdsInTheBody_Returns400(string body)
    {
        await using var test = await TestSandbox.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/crm/entities?integrationId={test.IntegrationId}&objectType=ACCOUNT")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        using var response = await test.Http.SendAsync(request);

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }
}
