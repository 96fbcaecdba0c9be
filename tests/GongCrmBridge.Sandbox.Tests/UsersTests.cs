using System.Net;

namespace GongCrmBridge.Sandbox.Tests;

/// <summary>Gong's users on the emulator: cursor paging, avatars, one user, history, the filter and its 404.</summary>
public sealed class UsersTests
{
    [Fact]
    public async Task ListUsers_PageSizeFour_ThreePagesFollowingTheCursor()
    {
        // Given eleven seeded users (and one avatar) and pages of four
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pageSize: 4), register: false);

        // When the pages are read one after the other
        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await test.GetOkAsync("/v2/users" + (cursor is null ? string.Empty : "?cursor=" + Uri.EscapeDataString(cursor)));
            var records = page.GetProperty("records");
            Assert.Equal(11, records.GetProperty("totalRecords").GetInt32());
            Assert.Equal(pages, records.GetProperty("currentPageNumber").GetInt32());
            ids.AddRange(page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetString()!));
            cursor = records.TryGetProperty("cursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);

        // Then three pages held every user once, without the avatar
        Assert.Equal(3, pages);
        Assert.Equal(SandboxSeed.Users.Where(u => !u.IsAvatar).Select(u => u.Id), ids);
    }

    [Fact]
    public async Task ListUsers_IncludeAvatars_ListsTheAvatarToo()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        var page = await test.GetOkAsync("/v2/users?includeAvatars=true");

        Assert.Equal(12, page.GetProperty("users").GetArrayLength());
        Assert.False(page.GetProperty("records").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task ListUsers_ForeignCursor_Is400()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        using var response = await test.Http.GetAsync("/v2/users?cursor=eyJhbGciOi");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetUser_KnownAndUnknown_UserOr404()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var known = SandboxSeed.Users[1];

        var user = (await test.GetOkAsync("/v2/users/" + known.Id)).GetProperty("user");
        using var missing = await test.Http.GetAsync("/v2/users/1");

        Assert.Equal(known.EmailAddress, user.GetProperty("emailAddress").GetString());
        Assert.Equal(["ben@sandbox.example"], user.GetProperty("emailAliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(SandboxSeed.Users[0].Id, user.GetProperty("managerId").GetString());
        await TestSandbox.AssertErrorAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetUserHistory_KnownUser_ListsSettingChanges()
    {
        await using var test = await TestSandbox.StartAsync(register: false);

        var history = await test.GetOkAsync($"/v2/users/{SandboxSeed.Users[0].Id}/settings-history");

        Assert.NotEmpty(history.GetProperty("userSettingsHistory").EnumerateArray());
    }

    [Fact]
    public async Task ListUsersExtensive_ByIds_OnlyThoseAndNoneIs404()
    {
        await using var test = await TestSandbox.StartAsync(register: false);
        var ids = new[] { SandboxSeed.Users[2].Id, SandboxSeed.Users[5].Id };

        var page = await test.SendOkAsync(HttpMethod.Post, "/v2/users/extensive", $$$"""{"filter":{"userIds":["{{{ids[0]}}}","{{{ids[1]}}}"]}}""");
        using var none = await test.SendJsonAsync(HttpMethod.Post, "/v2/users/extensive", """{"filter":{"userIds":["1"]}}""");
        using var noFilter = await test.SendJsonAsync(HttpMethod.Post, "/v2/users/extensive", "{}");

        Assert.Equal(ids, page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        await TestSandbox.AssertErrorAsync(none, HttpStatusCode.NotFound);
        await TestSandbox.AssertErrorAsync(noFilter, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Users_SeededByOptions_AreTheOnesListed()
    {
        var options = TestSandbox.Options();
        var custom = new SandboxOptions
        {
            AccessKey = options.AccessKey,
            AccessKeySecret = options.AccessKeySecret,
            RequestsPerSecond = options.RequestsPerSecond,
            Users = [new SandboxUser("42", "only@company.example", "Only", "One")],
            Calls = [],
        };
        await using var test = await TestSandbox.StartAsync(custom, register: false);

        var page = await test.GetOkAsync("/v2/users");

        Assert.Equal("only@company.example", Assert.Single(page.GetProperty("users").EnumerateArray()).GetProperty("emailAddress").GetString());
    }
}
