using System.Text.Json;
using GongCrmBridge.Cli.Api;
using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Sandbox;

namespace GongCrmBridge.Cli.Tests.Api;

/// <summary>The real command line against the emulator over loopback HTTP: every API command, paging across pages,
/// --dry-run sending nothing, --yes guarding what destroys data, bodies from a file or standard input.</summary>
public sealed class ApiCommandsTests
{
    private static readonly string User = SandboxSeed.Users[1].Id;
    private static readonly string UserEmail = SandboxSeed.Users[1].EmailAddress;
    private static readonly string Manager = SandboxSeed.Users[0].Id;
    private static readonly string Call = SandboxSeed.Calls[0].Id;
    private const string Workspace = SandboxSeed.MainWorkspaceId;

    /// <summary>One command line per catalogue command, valid against the emulator; <c>{meeting}</c> is the meeting
    /// <c>meetings create</c> made, <c>{file}</c> and <c>{body}</c> files the test writes.</summary>
    private static readonly string[][] EveryCommand =
    [
        ["users", "list", "--include-avatars"],
        ["users", "get", "--id", User],
        ["users", "history", "--id", User],
        ["users", "search", "--user-id", User, "--user-id", Manager],
        ["calls", "list", "--from", "2024-03-01", "--to", "2024-04-01", "--workspace-id", Workspace],
        ["calls", "get", "--id", Call],
        ["calls", "search", "--from", "2024-03-01", "--context", "Extended", "--parties"],
        ["calls", "transcript", "--call-id", Call],
        ["calls", "create", "--body", "{body}", "--title", "Cold call"],
        ["calls", "upload-media", "--id", Call, "--file", "{file}"],
        ["calls", "crm-associations", "--from", "2024-01-01"],
        ["stats", "activity", "--from", "2024-03-01", "--to", "2024-04-01"],
        ["stats", "day-by-day", "--from", "2024-03-01", "--to", "2024-04-01", "--user-id", User],
        ["stats", "interaction", "--from", "2024-03-01", "--to", "2024-04-01"],
        ["stats", "scorecards", "--from", "2024-03-01", "--to", "2024-04-01"],
        ["flows", "list", "--owner-email", UserEmail],
        ["flows", "assign", "--flow-id", "8012001", "--owner-email", UserEmail, "--prospect-id", "CON-1"],
        ["flows", "prospects", "--prospect-id", "CON-1"],
        ["meetings", "create", "--start", "2024-05-01T10:00:00Z", "--end", "2024-05-01T10:30:00Z", "--organizer-email", UserEmail, "--invitee", "guest@tailspin.example", "--title", "Demo"],
        ["meetings", "update", "--id", "{meeting}", "--start", "2024-05-01T11:00:00Z", "--end", "2024-05-01T11:30:00Z", "--organizer-email", UserEmail],
        ["meetings", "integration-status", "--email", UserEmail, "--email", "nobody@else.example"],
        ["meetings", "delete", "--id", "{meeting}", "--organizer-email", UserEmail, "--yes"],
        ["permissions", "list", "--workspace-id", Workspace],
        ["permissions", "get", "--profile-id", "4001"],
        ["permissions", "users", "--profile-id", "4002"],
        ["permissions", "create", "--workspace-id", Workspace, "--name", "Readers"],
        ["permissions", "update", "--profile-id", "4001", "--name", "Account Executives"],
        ["permissions", "call-access", "grant", "--call-id", Call, "--user-id", User],
        ["permissions", "call-access", "list", "--call-id", Call],
        ["permissions", "call-access", "revoke", "--call-id", Call, "--user-id", User, "--yes"],
        ["library", "folders"],
        ["library", "folder-calls", "--folder-id", "3843152912968920037"],
        ["settings", "scorecards"],
        ["settings", "trackers", "--workspace-id", Workspace],
        ["privacy", "for-email", "--email", "pat.lee@contoso.example"],
        ["privacy", "for-phone", "--phone", SandboxSeed.Calls[2].Parties[1].PhoneNumber!],
        ["engagement", "content-shared", "--body", "{event}"],
        ["engagement", "content-viewed", "--body", "{event}"],
        ["engagement", "custom-action", "--body", "{event}"],
        ["engagement", "digital-interaction", "--body", "{interaction}"],
        ["logs", "list", "--log-type", "AccessLog", "--from", "2024-03-01"],
        ["workspaces", "list"],
        ["coaching", "list", "--workspace-id", Workspace, "--manager-id", Manager, "--from", "2024-03-01", "--to", "2024-04-01"],
        ["integration-settings", "set", "--integration-type", "DIALER", "--allowed-origin", "https://crm.example.com"],
        ["privacy", "purge-phone", "--phone", "+15550199", "--yes"],
        ["privacy", "purge-email", "--email", "sam.wu@contoso.example", "--yes"],
    ];

    [Fact]
    public void EveryCommand_CoversTheCatalogue()
    {
        Assert.Equal(ApiCatalogue.Commands.Select(c => c.Command).Order(), EveryCommand.Select(Command).Order());
    }

    [Fact]
    public async Task EveryCommand_AgainstTheEmulator_OneCallAnsweredAndPrinted()
    {
        // Given the emulator, and the files some commands read
        await using var gong = await SandboxSession.StartAsync();
        using var files = new TempDirectory();
        var paths = WriteFiles(files);
        var meeting = string.Empty;

        foreach (var line in EveryCommand)
        {
            // When each command runs with JSON output
            var before = gong.Sandbox.State.RequestCount;
            var args = line.Select(a => a == "{meeting}" ? meeting : paths.GetValueOrDefault(a, a)).ToArray();
            var result = await gong.ApiAsync([.. args, "--output", "json"]);

            // Then it succeeded with one call and printed JSON
            Assert.True(result.ExitCode == 0, Command(line) + ": " + result.All);
            Assert.Equal(1, gong.Sandbox.State.RequestCount - before);
            var json = result.Json();
            if (Command(line) == "meetings create")
            {
                meeting = json.GetProperty("meetingId").GetString()!;
            }
        }

        // And every operation but the CRM ones (today's workflow commands) reached its route
        var untouched = Enum.GetValues<SandboxRoute>().Skip(8).Where(route => gong.Sandbox.State.CallCount(route) == 0).ToList();
        Assert.Empty(untouched);
        Assert.Equal(0, gong.Sandbox.State.PendingErasures); // the two erasures were carried out by the emulator's next answers
    }

    [Fact]
    public async Task EveryCommand_DryRun_SendsNothingAndShowsTheRequestWithoutTheSecret()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var files = new TempDirectory();
        var paths = WriteFiles(files);

        foreach (var line in EveryCommand)
        {
            var args = line.Select(a => a == "{meeting}" ? "123" : paths.GetValueOrDefault(a, a)).Where(a => a != "--yes").ToArray();
            var spec = ApiCatalogue.Find(Command(line))!;

            var result = await gong.ApiAsync([.. args, "--dry-run"]);

            Assert.True(result.ExitCode == 0, Command(line) + ": " + result.All);
            Assert.StartsWith(spec.Operation.Method + " " + gong.Sandbox.BaseUrl.ToString().TrimEnd('/'), result.Out, StringComparison.Ordinal);
            Assert.Contains("Authorization: Basic ***", result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(gong.Options.AccessKeySecret, result.All, StringComparison.Ordinal);
        }

        Assert.Equal(0, gong.Sandbox.State.RequestCount);
    }

    [Fact]
    public async Task DryRun_Json_IsTheRequestAsAnObject()
    {
        await using var gong = await SandboxSession.StartAsync();

        var preview = (await gong.ApiAsync("stats", "activity", "--from", "2024-03-01", "--to", "2024-03-08", "--user-id", User, "--dry-run", "--output", "json")).Json();

        Assert.Equal("POST", preview.GetProperty("method").GetString());
        Assert.EndsWith("/v2/stats/activity/aggregate", preview.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("Basic ***", preview.GetProperty("headers").GetProperty("Authorization").GetString());
        var filter = preview.GetProperty("body").GetProperty("filter");
        Assert.Equal(("2024-03-01", "2024-03-08", User), (filter.GetProperty("fromDate").GetString(), filter.GetProperty("toDate").GetString(), filter.GetProperty("userIds")[0].GetString()));
        Assert.Equal(0, gong.Sandbox.State.RequestCount);
    }

    [Theory]
    [InlineData("privacy", "purge-email", "--email", "pat.lee@contoso.example")]
    [InlineData("privacy", "purge-phone", "--phone", "+155502020")]
    [InlineData("permissions", "call-access", "revoke", "--call-id", "7782342274025900010", "--user-id", "2345994848484201")]
    [InlineData("meetings", "delete", "--id", "9100000000000000001", "--organizer-email", "ben.okafor@sandbox.example")]
    public async Task DestroyingCommand_WithoutYes_RefusedAndNothingSent(params string[] line)
    {
        await using var gong = await SandboxSession.StartAsync();

        var result = await gong.ApiAsync(line);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--yes", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, gong.Sandbox.State.RequestCount);
        Assert.Equal(0, gong.Sandbox.State.PendingErasures);
    }

    [Fact]
    public async Task UsersList_All_FollowsTheCursorAcrossThreePagesAndStreamsJsonLines()
    {
        // Given pages of four users (eleven users)
        await using var gong = await SandboxSession.StartAsync(pageSize: 4);

        // When every page is asked for, and then only the first
        var all = await gong.ApiAsync("users", "list", "--all", "--output", "jsonl", "--fields", "id,emailAddress");
        var first = await gong.ApiAsync("users", "list", "--output", "jsonl");

        // Then three calls printed eleven lines, one per user with only the fields asked for
        Assert.True(all.ExitCode == 0, all.All);
        var lines = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SandboxSeed.Users.Where(u => !u.IsAvatar).Select(u => u.EmailAddress), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("emailAddress").GetString()));
        Assert.All(lines, l => Assert.Equal(2, JsonDocument.Parse(l).RootElement.EnumerateObject().Count()));
        Assert.Equal(4, gong.Sandbox.State.CallCount(SandboxRoute.ListUsers)); // 3 pages, then the single first page
        Assert.Equal(4, first.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("--cursor", first.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsSearch_AllWithCursorInTheBody_ThreePages()
    {
        await using var gong = await SandboxSession.StartAsync(pageSize: 2);

        var calls = (await gong.ApiAsync("calls", "search", "--all", "--output", "json", "--fields", "metaData.title")).Json();
        var resumed = await gong.ApiAsync("users", "list", "--output", "json", "--cursor", "sbx-page-10");

        Assert.Equal(SandboxSeed.Calls.Select(c => c.Title), calls.EnumerateArray().Select(c => c.GetProperty("metaData.title").GetString()));
        Assert.Equal(3, gong.Sandbox.State.CallCount(SandboxRoute.ListCallsExtensive));
        Assert.Equal([SandboxSeed.Users[10].Id], resumed.Json().EnumerateArray().Select(u => u.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Table_ListAndSingleItem_ColumnsAndFieldValueRows()
    {
        await using var gong = await SandboxSession.StartAsync();

        var list = await gong.ApiAsync("workspaces", "list");
        var single = await gong.ApiAsync("users", "get", "--id", User);

        Assert.Contains("Customer Success", list.Out, StringComparison.Ordinal);
        Assert.Contains("description", list.Out, StringComparison.Ordinal);
        Assert.Contains("emailAddress", single.Out, StringComparison.Ordinal);
        Assert.Contains(UserEmail, single.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_FromStandardInput_FlagsOverrideItsFields()
    {
        await using var gong = await SandboxSession.StartAsync();
        var body = $$"""{"clientUniqueId":"stdin-1","actualStart":"2024-04-02T10:00:00Z","direction":"Outbound","primaryUser":"{{User}}","title":"From the file","parties":[{"userId":"{{User}}"}]}""";

        var result = await CliRunner.RunAsync(gong.Environment, body, CancellationToken.None,
            "calls", "create", "--body", "-", "--title", "From the flag", "--base-url", gong.Sandbox.BaseUrl.ToString(), "--output", "json");

        var callId = result.Json().GetProperty("callId").GetString();
        Assert.Equal("From the flag", Assert.Single(gong.Sandbox.State.Calls, c => c.Id == callId).Title);
    }

    [Theory]
    [InlineData("not an option", "users", "list", "--email", "a@b.example")]
    [InlineData("needs --id", "users", "get")]
    [InlineData("needs --from", "stats", "activity", "--to", "2024-03-08")]
    [InlineData("not a date", "stats", "activity", "--from", "March", "--to", "2024-03-08")]
    [InlineData("needs the request body", "engagement", "custom-action")]
    [InlineData("it has no pages", "users", "get", "--id", "1", "--all")]
    [InlineData("Give --email once", "privacy", "for-email", "--email", "a@b.example", "--email", "c@d.example")]
    public async Task Usage_Mistakes_Exit2BeforeAnyCall(string message, params string[] line)
    {
        await using var gong = await SandboxSession.StartAsync();

        var result = await gong.ApiAsync(line);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.All, StringComparison.Ordinal);
        Assert.Equal(0, gong.Sandbox.State.RequestCount);
    }

    [Fact]
    public async Task FlowsAssign_MoreThan100Prospects_RefusedBeforeSending()
    {
        await using var gong = await SandboxSession.StartAsync();
        string[] prospects = [.. Enumerable.Range(1, 101).SelectMany(i => new[] { "--prospect-id", "P-" + i })];

        var result = await gong.ApiAsync(["flows", "assign", "--flow-id", "8012001", "--owner-email", UserEmail, .. prospects]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at most 100", result.All, StringComparison.Ordinal);
        Assert.Equal(0, gong.Sandbox.State.RequestCount);
    }

    [Fact]
    public async Task GongError_Exit1WithGongsMessage()
    {
        await using var gong = await SandboxSession.StartAsync();

        var result = await gong.ApiAsync("users", "get", "--id", "404");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("User not found", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_Option_RunsAgainstTheBuiltInEmulator()
    {
        var result = await CliRunner.RunAsync(null, "users", "list", "--sandbox", "--output", "json", "--fields", "emailAddress");

        Assert.Equal(SandboxSeed.Users.Where(u => !u.IsAvatar).Select(u => u.EmailAddress), result.Json().EnumerateArray().Select(u => u.GetProperty("emailAddress").GetString()));
    }

    [Fact]
    public async Task CallsSearch_AfterASync_ShowsTheUploadedAccountLinkedToTheCallsWithItsGuests()
    {
        // Given Contoso synced as an account with the domain of two seeded calls' guests
        await using var gong = await SandboxSession.StartAsync();
        using var files = new TempDirectory();
        await File.WriteAllTextAsync(files.File("accounts.csv"), "Id,Name,Modified,Domains\nACC-9,Contoso,2024-03-01T08:00:00Z,contoso.example\nACC-10,Tailspin,2024-03-01T08:00:00Z,tailspin.example\n");
        await File.WriteAllTextAsync(files.File("account.yaml"), """
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: Modified
            fields:
              name: Name
              domains: { column: Domains, type: stringArray, split: "|" }
            """);
        await File.WriteAllTextAsync(files.File("job.yaml"), """
            integration: { name: Test CRM, ownerEmail: revops@test.example }
            objects:
              - type: ACCOUNT
                source: { path: accounts.csv }
                mapping: account.yaml
            """);
        var sync = await gong.SyncAsync(files.File("job.yaml"), files.File("report"));
        Assert.True(sync.ExitCode == 0, sync.All);

        // When the calls are searched with their CRM context
        var calls = (await gong.ApiAsync("calls", "search", "--context", "Extended", "--output", "json")).Json().EnumerateArray().ToList();

        // Then the two Contoso calls are linked to the synced account, with its fields, and no other call is
        var linked = calls.Where(c => c.GetProperty("context").GetArrayLength() > 0).ToList();
        Assert.Equal(["Discovery with Contoso", "Contoso pricing review"], linked.Select(c => c.GetProperty("metaData").GetProperty("title").GetString()));
        var account = linked[0].GetProperty("context")[0].GetProperty("objects")[0];
        Assert.Equal("ACC-9", account.GetProperty("objectId").GetString());
        Assert.Contains(account.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "name" && f.GetProperty("value").GetString() == "Contoso");
    }

    [Fact]
    public async Task SandboxServe_PageSize_SaysWhatItHoldsAndRefusesZero()
    {
        // A stop after the emulator has long started, even on a busy machine
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));

        var served = await CliRunner.RunAsync(new Dictionary<string, string>(), stop.Token, "sandbox", "serve", "--port", "0", "--page-size", "3");
        var refused = await CliRunner.RunAsync(null, "sandbox", "serve", "--page-size", "0");

        Assert.True(served.ExitCode == 0, served.All);
        Assert.Contains($"It holds {SandboxSeed.Users.Count} users and {SandboxSeed.Calls.Count} calls", served.Out, StringComparison.Ordinal);
        Assert.Contains("3 records per page", served.Out, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
    }

    private static string Command(string[] line) =>
        string.Join(' ', line.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)));

    private static Dictionary<string, string> WriteFiles(TempDirectory files)
    {
        var paths = new Dictionary<string, string>
        {
            ["{file}"] = files.File("call.mp3"),
            ["{body}"] = files.File("call.json"),
            ["{event}"] = files.File("event.json"),
            ["{interaction}"] = files.File("interaction.json"),
        };
        File.WriteAllBytes(paths["{file}"], [1, 2, 3, 4]);
        File.WriteAllText(paths["{body}"], $$"""{"clientUniqueId":"dialer-7","actualStart":"2024-04-02T10:00:00Z","direction":"Outbound","primaryUser":"{{User}}","parties":[{"userId":"{{User}}"},{"emailAddress":"zoe@tailspin.example"}]}""");
        File.WriteAllText(paths["{event}"], """{"reportingSystem":"cms","eventTimestamp":"2024-03-01T10:00:00Z","contentId":"d1","contentUrl":"https://cms.example/d1","contentTitle":"Deck","viewer":{"email":"pat.lee@contoso.example"}}""");
        File.WriteAllText(paths["{interaction}"], """{"eventId":"e1","timestamp":"2024-03-01T10:00:00Z","eventType":"visit","content":{"contentTitle":"Pricing"},"person":{"email":"pat.lee@contoso.example"}}""");
        return paths;
    }
}
