using System.Net;
using System.Net.Http.Json;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class IntegrationTests
{
    [Fact]
    public async Task Register_WithNameAndOwner_ReturnsA64BitIdAndListsIt()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        var id = await test.RegisterAsync("Contoso bridge", "crm-admin@contoso.example");
        using var list = await test.Http.GetAsync("/v2/crm/integrations");
        var body = await TestSandbox.BodyAsync(list);

        Assert.True(id > (1L << 53), "ids above 2^53 catch clients that parse them as doubles");
        var item = Assert.Single(body.GetProperty("integrations").EnumerateArray());
        Assert.Equal(id, item.GetProperty("integrationId").GetInt64());
        Assert.Equal("Contoso bridge", item.GetProperty("name").GetString());
        Assert.Equal("crm-admin@contoso.example", item.GetProperty("ownerEmail").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Register_WhenOneExists_Returns409()
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.Http.PutAsJsonAsync("/v2/crm/integrations", new { name = "Second", ownerEmail = "x@y.example" });

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{\"ownerEmail\":\"a@b.example\"}")]
    [InlineData("{\"name\":\"n\",\"ownerEmail\":\"not-an-email\"}")]
    [InlineData("not json")]
    public async Task Register_WithMalformedBody_Returns400(string body)
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await test.Http.PutAsync("/v2/crm/integrations", content);

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_WithoutIntegration_ReturnsEmptyArray()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var response = await test.Http.GetAsync("/v2/crm/integrations");
        var body = await TestSandbox.BodyAsync(response);

        Assert.Empty(body.GetProperty("integrations").EnumerateArray());
    }

    [Fact]
    public async Task Delete_IsAsynchronous_IntegrationAndObjectsGoneOnlyWhenDone()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pollsUntilDone: 1), register: false);
        var id = await test.RegisterAsync();
        await test.UploadAndCompleteAsync("ACCOUNT", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Fabrikam"}""");

        using var delete = await test.Http.DeleteAsync($"/v2/crm/integrations?integrationId={id}&clientRequestId=del-1");
        var accepted = await TestSandbox.BodyAsync(delete);
        var stillThere = test.Sandbox.State.Integration;
        var first = await test.StatusAsync("del-1");
        var second = await test.StatusAsync("del-1");

        Assert.Equal(HttpStatusCode.Created, delete.StatusCode);
        Assert.Equal("del-1", accepted.GetProperty("clientRequestId").GetString());
        Assert.NotNull(stillThere);
        Assert.True(stillThere.IsBeingDeleted);
        Assert.Equal("PENDING", first.GetProperty("status").GetString());
        Assert.Equal("DONE", second.GetProperty("status").GetString());
        Assert.Null(test.Sandbox.State.Integration);
        Assert.Empty(test.Sandbox.State.Objects("ACCOUNT"));
    }

    [Fact]
    public async Task Register_WhileDeleteIsPending_Returns409AndSucceedsAfterDone()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pollsUntilDone: 1), register: false);
        var id = await test.RegisterAsync();
        using var delete = await test.Http.DeleteAsync($"/v2/crm/integrations?integrationId={id}&clientRequestId=del-1");

        using var tooEarly = await test.Http.PutAsJsonAsync("/v2/crm/integrations", new { name = "New", ownerEmail = "x@y.example" });
        await test.CompleteAsync("del-1");
        var newId = await test.RegisterAsync("New", "x@y.example");

        await TestSandbox.AssertErrorAsync(tooEarly, HttpStatusCode.Conflict);
        Assert.NotEqual(id, newId);
    }

    [Fact]
    public async Task Delete_ReusingClientRequestId_Returns409()
    {
        await using var test = await TestSandbox.StartAsync();
        await test.AcceptedUploadAsync("ACCOUNT", "used-1", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z"}""");

        using var response = await test.Http.DeleteAsync($"/v2/crm/integrations?integrationId={test.IntegrationId}&clientRequestId=used-1");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("integrationId=1&clientRequestId=del-1")]
    [InlineData("clientRequestId=del-1")]
    [InlineData("integrationId={id}")]
    [InlineData("integrationId={id}&clientRequestId=bad%20id")]
    public async Task Delete_WithBadParameters_Returns400(string query)
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.Http.DeleteAsync("/v2/crm/integrations?" + query.Replace("{id}", test.IntegrationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnyEndpoint_WithUnknownIntegrationId_Returns400()
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.Http.GetAsync($"/v2/crm/entity-schema?integrationId={test.IntegrationId + 1}&objectType=DEAL");

        var errors = await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("integrationId is not valid", errors);
    }

    [Fact]
    public async Task UnknownPath_Returns404WithRequestId()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var response = await test.Http.GetAsync("/v2/crm/nothing");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }
}
