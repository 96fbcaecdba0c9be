using System.Net;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class SchemaTests
{
    private const string DealFields = """
        [
          {"uniqueName":"forecastCategory","label":"Forecast category","type":"PICKLIST","orderedValueList":["Pipeline","Commit"],"lastModified":"2024-03-01T08:00:00Z"},
          {"uniqueName":"probabilityPct","label":"Probability","type":"PERCENT"},
          {"uniqueName":"primaryContact","label":"Primary contact","type":"REFERENCE","referenceTo":"CONTACT"}
        ]
        """;

    [Fact]
    public async Task Upload_ValidFields_Returns201AndListsThem()
    {
        await using var test = await TestSandbox.StartAsync();

        using var upload = await test.PutSchemaAsync("DEAL", DealFields);
        using var list = await test.Http.GetAsync($"/v2/crm/entity-schema?integrationId={test.IntegrationId}&objectType=DEAL");
        var body = await TestSandbox.BodyAsync(list);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.False(string.IsNullOrEmpty((await TestSandbox.BodyAsync(upload)).GetProperty("requestId").GetString()));
        var fields = body.GetProperty("objectTypeToSelectedFields").GetProperty("DEAL").EnumerateArray().ToList();
        Assert.Equal(["forecastCategory", "probabilityPct", "primaryContact"], fields.Select(f => f.GetProperty("uniqueName").GetString()));
        Assert.Equal("CONTACT", fields[2].GetProperty("referenceTo").GetString());
        Assert.Equal(["Pipeline", "Commit"], fields[0].GetProperty("orderedValueList").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(3, test.Sandbox.State.Schema("DEAL").Count);
    }

    [Fact]
    public async Task List_WithoutObjectType_ReturnsAllFourTypes()
    {
        await using var test = await TestSandbox.StartAsync();
        using var upload = await test.PutSchemaAsync("DEAL", DealFields);

        using var list = await test.Http.GetAsync($"/v2/crm/entity-schema?integrationId={test.IntegrationId}");
        var map = (await TestSandbox.BodyAsync(list)).GetProperty("objectTypeToSelectedFields");

        Assert.Equal(["ACCOUNT", "CONTACT", "DEAL", "LEAD"], map.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, map.GetProperty("DEAL").GetArrayLength());
    }

    [Theory]
    [InlineData("BUSINESS_USER")]
    [InlineData("STAGE")]
    [InlineData("deal")]
    [InlineData("OPPORTUNITY")]
    public async Task Upload_ForTypeWithoutSchema_Returns400(string objectType)
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.PutSchemaAsync(objectType, """[{"uniqueName":"x","label":"X","type":"STRING"}]""");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""[{"uniqueName":"x","label":"X","type":"TEXT"}]""", "type must be one of")]
    [InlineData("""[{"uniqueName":"x","label":"X","type":"string"}]""", "type must be one of")]
    [InlineData("""[{"uniqueName":"x","label":"X","type":"REFERENCE"}]""", "REFERENCE field needs referenceTo")]
    [InlineData("""[{"uniqueName":"x","label":"X","type":"REFERENCE","referenceTo":"BUSINESS_USER"}]""", "REFERENCE field needs referenceTo")]
    [InlineData("""[{"uniqueName":"x","label":"X","type":"PICKLIST"}]""", "PICKLIST field needs a non-empty orderedValueList")]
    [InlineData("""[{"uniqueName":"x","label":"X","type":"PICKLIST","orderedValueList":[]}]""", "PICKLIST field needs a non-empty orderedValueList")]
    [InlineData("""[{"label":"X","type":"STRING"}]""", "uniqueName is mandatory")]
    [InlineData("""[{"uniqueName":"x","type":"STRING"}]""", "label is mandatory")]
    [InlineData("""[{"uniqueName":"x","label":"X","type":"STRING"},{"uniqueName":"x","label":"Y","type":"STRING"}]""", "declared more than once")]
    [InlineData("""[{"uniqueName":"x","label":"X","type":"STRING","lastModified":"2024-03-01T08:00:00.123Z"}]""", "lastModified")]
    [InlineData("""{"uniqueName":"x"}""", "JSON array")]
    public async Task Upload_BreakingARule_Returns400NamingIt(string body, string expected)
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.PutSchemaAsync("ACCOUNT", body);

        var errors = await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Empty(test.Sandbox.State.Schema("ACCOUNT"));
    }

    [Fact]
    public async Task Upload_AllFourteenTypes_AreAccepted()
    {
        await using var test = await TestSandbox.StartAsync();
        string[] types = ["BOOLEAN", "DATE", "DATETIME", "NUMBER", "PERCENT", "CURRENCY", "PHONENUMBER", "EMAILADDRESS", "ID", "STRING", "URL", "STRINGARRAY"];
        var fields = types.Select(t => $$"""{"uniqueName":"f{{t}}","label":"{{t}}","type":"{{t}}"}""")
            .Append("""{"uniqueName":"fPICK","label":"P","type":"PICKLIST","orderedValueList":["a"]}""")
            .Append("""{"uniqueName":"fREF","label":"R","type":"REFERENCE","referenceTo":"USER"}""");

        using var response = await test.PutSchemaAsync("LEAD", "[" + string.Join(",", fields) + "]");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(14, test.Sandbox.State.Schema("LEAD").Count);
    }

    [Fact]
    public async Task Upload_OmittingAPreviouslyDeclaredField_Returns400()
    {
        await using var test = await TestSandbox.StartAsync();
        using var first = await test.PutSchemaAsync("DEAL", DealFields);

        using var second = await test.PutSchemaAsync("DEAL", """[{"uniqueName":"probabilityPct","label":"Probability","type":"PERCENT"}]""");

        var errors = await TestSandbox.AssertErrorAsync(second, HttpStatusCode.BadRequest);
        Assert.Contains(errors, e => e.Contains("all previously declared fields", StringComparison.Ordinal) && e.Contains("forecastCategory", StringComparison.Ordinal));
        Assert.Equal(3, test.Sandbox.State.Schema("DEAL").Count);
    }

    [Fact]
    public async Task Upload_IsDeleted_RemovesTheFieldAndItsValues()
    {
        await using var test = await TestSandbox.StartAsync();
        using var first = await test.PutSchemaAsync("ACCOUNT", """[{"uniqueName":"tier","label":"Tier","type":"STRING"},{"uniqueName":"size","label":"Size","type":"NUMBER"}]""");
        await test.UploadAndCompleteAsync("ACCOUNT", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","tier":"gold","size":5}""");

        using var second = await test.PutSchemaAsync("ACCOUNT", """[{"uniqueName":"tier","label":"Tier","type":"STRING","isDeleted":true},{"uniqueName":"size","label":"Size","type":"NUMBER"}]""");
        using var third = await test.PutSchemaAsync("ACCOUNT", """[{"uniqueName":"size","label":"Size","type":"NUMBER"}]""");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal(["size"], test.Sandbox.State.Schema("ACCOUNT").Select(f => f.UniqueName));
        var record = test.Sandbox.State.Objects("ACCOUNT")["ACC-1"];
        Assert.False(record.TryGetProperty("tier", out _));
        Assert.Equal(5, record.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Upload_ChangingAFieldType_DropsItsValuesButLabelChangeKeepsThem()
    {
        await using var test = await TestSandbox.StartAsync();
        using var first = await test.PutSchemaAsync("ACCOUNT", """[{"uniqueName":"tier","label":"Tier","type":"STRING"},{"uniqueName":"size","label":"Size","type":"NUMBER"}]""");
        await test.UploadAndCompleteAsync("ACCOUNT", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","tier":"gold","size":5}""");

        using var second = await test.PutSchemaAsync("ACCOUNT", """[{"uniqueName":"tier","label":"Tier","type":"NUMBER"},{"uniqueName":"size","label":"Headcount","type":"NUMBER"}]""");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var record = test.Sandbox.State.Objects("ACCOUNT")["ACC-1"];
        Assert.False(record.TryGetProperty("tier", out _));
        Assert.True(record.TryGetProperty("size", out _));
    }

    [Fact]
    public async Task Upload_LegacyNameAlias_IsAccepted()
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.PutSchemaAsync("CONTACT", """[{"name":"nickname","label":"Nickname","type":"STRING"}]""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("nickname", Assert.Single(test.Sandbox.State.Schema("CONTACT")).UniqueName);
    }
}
