using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GongCrmBridge.Sandbox.Tests;

/// <summary>Calls on the emulator: the date range and its 404, the CRM objects linked from the uploaded data, adding a
/// call with its media, transcripts.</summary>
public sealed class CallsTests
{
    private const string ContosoCall = "Discovery with Contoso";

    [Fact]
    public async Task ListCalls_DateRange_OnlyTheCallsInItAndAnEmptyRangeIs404()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        var page = await test.GetOkAsync("/v2/calls?fromDateTime=2024-03-05T00:00:00Z&toDateTime=2024-03-07T00:00:00Z");
        using var empty = await test.Http.GetAsync("/v2/calls?fromDateTime=2020-01-01T00:00:00Z&toDateTime=2020-02-01T00:00:00Z");

        Assert.Equal(["Contoso pricing review", "Fabrikam kick-off"], page.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        await TestSandbox.AssertErrorAsync(empty, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CallsExtensive_ExtendedContext_LinksTheUploadedAccountDealAndContactWithFields()
    {
        // Given Contoso uploaded as an account (by domain), its deal, and the contact who was on the call
        await using var test = await TestSandbox.StartAsync();
        await test.UploadAndCompleteAsync("ACCOUNT", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Contoso","domains":["contoso.example"]}""");
        await test.UploadAndCompleteAsync("CONTACT", """{"objectId":"CON-1","modifiedDate":"2024-03-01T08:00:00Z","accountId":"ACC-1","emailAddress":"Pat.Lee@contoso.example","firstName":"Pat"}""");
        await test.UploadAndCompleteAsync("DEAL", """{"objectId":"DEAL-1","modifiedDate":"2024-03-01T08:00:00Z","accountId":"ACC-1","name":"Contoso 2024","amount":48000}""");
        await test.UploadAndCompleteAsync("BUSINESS_USER", """{"objectId":"BU-7","modifiedDate":"2024-03-01T08:00:00Z","emailAddress":"ben.okafor@sandbox.example"}""");

        // When the calls are read with the extended context and their parties
        var page = await test.SendOkAsync(HttpMethod.Post, "/v2/calls/extensive",
            """{"filter":{"fromDateTime":"2024-03-01T00:00:00Z"},"contentSelector":{"context":"Extended","exposedFields":{"parties":true}}}""");

        // Then the Contoso call is linked to the account and its deal, its guest is the contact, its host the business user
        var call = page.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("metaData").GetProperty("title").GetString() == ContosoCall);
        var objects = call.GetProperty("context")[0].GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(["Account:ACC-1", "Opportunity:DEAL-1"], objects.Select(o => o.GetProperty("objectType").GetString() + ":" + o.GetProperty("objectId").GetString()));
        Assert.Equal(48000, Field(objects[1], "amount").GetInt32());
        var guest = call.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("affiliation").GetString() == "External");
        Assert.Equal("CON-1", guest.GetProperty("context")[0].GetProperty("objects")[0].GetProperty("objectId").GetString());
        var host = call.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("affiliation").GetString() == "Internal");
        Assert.Equal("BU-7", host.GetProperty("context")[0].GetProperty("objects")[0].GetProperty("objectId").GetString());

        // And a call with nobody from Contoso is linked to nothing
        var other = page.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("metaData").GetProperty("title").GetString() == "Fabrikam kick-off");
        Assert.Equal(0, other.GetProperty("context").GetArrayLength());
    }

    [Fact]
    public async Task CallsExtensive_BasicContext_IdsWithoutFieldsAndPagesByBodyCursor()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pageSize: 2));
        await test.UploadAndCompleteAsync("ACCOUNT", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Contoso","domains":["contoso.example"]}""");

        var first = await test.SendOkAsync(HttpMethod.Post, "/v2/calls/extensive", """{"filter":{},"contentSelector":{"context":"Basic"}}""");
        var cursor = first.GetProperty("records").GetProperty("cursor").GetString();
        var second = await test.SendOkAsync(HttpMethod.Post, "/v2/calls/extensive", $$$"""{"cursor":"{{{cursor}}}","filter":{},"contentSelector":{"context":"Basic"}}""");

        var linked = first.GetProperty("calls")[0].GetProperty("context")[0].GetProperty("objects")[0];
        Assert.Equal("ACC-1", linked.GetProperty("objectId").GetString());
        Assert.False(linked.TryGetProperty("fields", out _));
        Assert.Equal(["Fabrikam kick-off", "Northwind renewal"], second.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("metaData").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task AddCall_ThenMedia_TheCallIsListedWithItsMedia()
    {
        // Given a new call with a Gong user as host
        await using var test = await TestSandbox.StartAsync(register: false);
        var host = SandboxSeed.Users[3];
        var added = await test.SendOkAsync(HttpMethod.Post, "/v2/calls", $$"""
            {"clientUniqueId":"dialer-1","actualStart":"2024-04-02T10:00:00Z","direction":"Outbound","primaryUser":"{{host.Id}}","title":"Cold call",
             "parties":[{"userId":"{{host.Id}}"},{"emailAddress":"zoe@tailspin.example","phoneNumber":"+1 555 0199"}]}
            """);
        var callId = added.GetProperty("callId").GetString()!;

        // When its recording is uploaded, and the same clientUniqueId is added again
        using var form = new MultipartFormDataContent();
        using var media = new ByteArrayContent([1, 2, 3]);
        media.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        form.Add(media, "mediaFile", "call.mp3");
        using var uploaded = await test.Http.PutAsync($"/v2/calls/{callId}/media", form);
        using var again = await test.SendJsonAsync(HttpMethod.Post, "/v2/calls", $$"""
            {"clientUniqueId":"dialer-1","actualStart":"2024-04-02T10:00:00Z","direction":"Outbound","primaryUser":"{{host.Id}}","parties":[{"userId":"{{host.Id}}"}]}
            """);

        // Then the call exists with its media, and the duplicate is refused
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var call = (await test.GetOkAsync("/v2/calls/" + callId)).GetProperty("call");
        Assert.Equal("Cold call", call.GetProperty("title").GetString());
        Assert.True(Assert.Single(test.Sandbox.State.Calls, c => c.Id == callId).HasMedia);
        await TestSandbox.AssertErrorAsync(again, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AddCall_MissingFields_400NamingThem()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var response = await test.SendJsonAsync(HttpMethod.Post, "/v2/calls", """{"title":"x"}""");

        var errors = await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("parties is mandatory", errors);
        Assert.Contains("clientUniqueId is mandatory", errors);
    }

    [Fact]
    public async Task Transcripts_ByCallId_OneMonologuePerParty()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var call = SandboxSeed.Calls[1];

        var page = await test.SendOkAsync(HttpMethod.Post, "/v2/calls/transcript", $$$"""{"filter":{"callIds":["{{{call.Id}}}"]}}""");

        var transcript = Assert.Single(page.GetProperty("callTranscripts").EnumerateArray());
        Assert.Equal(call.Id, transcript.GetProperty("callId").GetString());
        Assert.Equal(call.Parties.Count, transcript.GetProperty("transcript").GetArrayLength());
    }

    private static JsonElement Field(JsonElement crmObject, string name) =>
        crmObject.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).GetProperty("value");
}
