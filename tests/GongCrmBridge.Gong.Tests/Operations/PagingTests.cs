using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl.Http.Testing;
using GongCrmBridge.Gong.Api;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Tests.Support;

namespace GongCrmBridge.Gong.Tests.Operations;

/// <summary>The one cursor loop: query and body cursors, the last page, Gong's "nothing found" 404, a cursor that comes back.</summary>
public sealed class PagingTests : IDisposable
{
    private readonly HttpTest _http = new();
    private readonly GongCrmClient _client = Clients.Create(Clients.NewClock(), o => o.RequestsPerSecond = 1000);

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task ListUsers_ThreePages_FollowsTheQueryCursorToTheLastPage()
    {
        // Given three pages, the last without a cursor
        _http.RespondWith(Page("users", "u1", "c-2"))
            .RespondWith(Page("users", "u2", "c-3"))
            .RespondWith(Page("users", "u3", null));

        // When every user is read
        var ids = await _client.Users.ListAsync().ItemsAsync(page => page.Users).Select(u => u.Id).ToListAsync();

        // Then the three pages were asked for in turn, each with the previous page's cursor
        Assert.Equal(["u1", "u2", "u3"], ids);
        Assert.Equal(3, _http.CallLog.Count);
        Assert.False(_http.CallLog[0].Request.Url.QueryParams.Contains("cursor"));
        Assert.Equal("c-2", _http.CallLog[1].Request.Url.QueryParams.FirstOrDefault("cursor"));
        Assert.Equal("c-3", _http.CallLog[2].Request.Url.QueryParams.FirstOrDefault("cursor"));
    }

    [Fact]
    public async Task ListCallsExtensive_TwoPages_SendsTheCursorInTheBodyAndKeepsTheFilter()
    {
        _http.RespondWith(Page("calls", "c1", "next-1")).RespondWith(Page("calls", "c2", null));

        var pages = await _client.Calls.ListExtensiveAsync(new CallsExtensiveFilter { WorkspaceId = "w1" }, new ContentSelector { Context = "Basic" }).ToListAsync();

        Assert.Equal(2, pages.Count);
        var first = JsonNode.Parse(_http.CallLog[0].RequestBody)!;
        var second = JsonNode.Parse(_http.CallLog[1].RequestBody)!;
        Assert.Null(first["cursor"]);
        Assert.Equal("next-1", second["cursor"]!.GetValue<string>());
        Assert.Equal("w1", second["filter"]!["workspaceId"]!.GetValue<string>());
        Assert.Equal("Basic", second["contentSelector"]!["context"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListCalls_NotFound_IsNoPagesNotAFailure()
    {
        _http.RespondWith("""{"requestId":"r","errors":["No calls found corresponding to the provided filters"]}""", 404);

        var pages = await _client.Calls.ListAsync().ToListAsync();

        Assert.Empty(pages);
    }

    [Fact]
    public async Task GetUser_NotFound_Fails()
    {
        _http.RespondWith("""{"requestId":"r9","errors":["User not found"]}""", 404);

        var exception = await Assert.ThrowsAsync<GongApiException>(() => _client.Users.GetAsync("404"));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal("GET /v2/users/{id}", exception.Operation);
    }

    [Fact]
    public async Task Pages_CursorComesBack_StopsInsteadOfLooping()
    {
        _http.RespondWith(Page("users", "u1", "same")).RespondWith(Page("users", "u2", "same"));

        var exception = await Assert.ThrowsAsync<GongApiException>(async () => await _client.Users.ListAsync().ToListAsync());

        Assert.Contains("cursor", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, _http.CallLog.Count);
    }

    [Fact]
    public async Task RawPages_Resumed_StartAtTheGivenCursor()
    {
        _http.RespondWith(Page("flows", "f9", null));

        var request = new GongRequest(GongOperations.ListFlows).WithQuery("flowOwnerEmail", "o@x.example").WithCursor("resume-here");
        var pages = await _client.PagesAsync(request).ToListAsync();

        Assert.Equal("f9", Assert.Single(pages).GetProperty("flows")[0].GetProperty("id").GetString());
        Assert.Equal("resume-here", _http.CallLog[0].Request.Url.QueryParams.FirstOrDefault("cursor"));
    }

    [Fact]
    public void Preview_BasicCredentials_AreMaskedAndTheRequestIsComplete()
    {
        var request = new GongRequest(GongOperations.ListCallsExtensive).WithBody(new JsonObject { ["filter"] = new JsonObject { ["callIds"] = new JsonArray("1") } });

        var preview = _client.Preview(request);

        Assert.Equal("POST", preview.Method);
        Assert.Equal("https://us-12345.api.gong.io/v2/calls/extensive", preview.Url);
        Assert.Contains(new KeyValuePair<string, string>("Authorization", "Basic ***"), preview.Headers);
        Assert.DoesNotContain(Clients.Secret, string.Join(" ", preview.Headers.Select(h => h.Value)) + preview.Body, StringComparison.Ordinal);
        Assert.Equal("1", JsonNode.Parse(preview.Body!)!["filter"]!["callIds"]![0]!.GetValue<string>());
        Assert.Empty(_http.CallLog);
    }

    [Fact]
    public void Request_UndeclaredParameter_IsRefused()
    {
        var request = new GongRequest(GongOperations.ListUsers);

        Assert.Throws<ArgumentException>(() => request.WithQuery("emailAddress", "a@x.example"));
        Assert.Throws<ArgumentException>(() => request.WithPath("id", "1"));
    }

    private static string Page(string property, string id, string? cursor) =>
        JsonSerializer.Serialize(new JsonObject
        {
            ["requestId"] = "r",
            ["records"] = cursor is null
                ? new JsonObject { ["totalRecords"] = 3, ["currentPageSize"] = 1 }
                : new JsonObject { ["totalRecords"] = 3, ["currentPageSize"] = 1, ["cursor"] = cursor },
            [property] = new JsonArray(new JsonObject { ["id"] = id }),
        });
}
