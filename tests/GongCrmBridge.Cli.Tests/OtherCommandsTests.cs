using System.Text.Json;
using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;

namespace GongCrmBridge.Cli.Tests;

/// <summary>The single-call commands, the helpers and the emulator server: the real CLI against the emulator over loopback.</summary>
public sealed class OtherCommandsTests
{
    private static Task<CliResult> Run(SandboxSession gong, params string[] args) =>
        CliRunner.RunAsync(gong.Environment, [.. args, "--base-url", gong.Sandbox.BaseUrl.ToString()]);

    [Fact]
    public async Task IntegrationShow_NoIntegration_SaysSoAndJsonIsEmpty()
    {
        await using var gong = await SandboxSession.StartAsync();

        var text = await Run(gong, "integration", "show");
        var json = await Run(gong, "integration", "show", "--json");

        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains("no CRM integration", text.Out, StringComparison.Ordinal);
        Assert.Equal(0, json.Json().GetArrayLength());
    }

    [Fact]
    public async Task IntegrationRegister_WithJob_RegistersOnceAndShowListsIt()
    {
        // Given an emulator without integration and a job naming one
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 1);

        // When it is registered twice, then shown
        var first = await Run(gong, "integration", "register", "--job", job.JobPath, "--json");
        var again = await Run(gong, "integration", "register", "--job", job.JobPath, "--json");
        var shown = (await Run(gong, "integration", "show", "--json")).Json();

        // Then one integration exists, with the job's name and owner, and its full 64-bit id is printed
        var registered = gong.Sandbox.State.Integration;
        Assert.NotNull(registered);
        Assert.Equal(("Test CRM", "revops@test.example"), (registered.Name, registered.OwnerEmail));
        Assert.Equal(registered.IntegrationId, first.Json().GetProperty("integrationId").GetInt64());
        Assert.Equal(registered.IntegrationId, again.Json().GetProperty("integrationId").GetInt64());
        var listed = Assert.Single(shown.EnumerateArray());
        Assert.Equal(registered.IntegrationId, listed.GetProperty("integrationId").GetInt64());
        Assert.Equal("Test CRM", listed.GetProperty("name").GetString());
        Assert.Equal(1, gong.Sandbox.State.CallCount(GongCrmBridge.Sandbox.SandboxRoute.RegisterIntegration));

        var text = await Run(gong, "integration", "show");
        Assert.Contains($"id {registered.IntegrationId}", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntegrationDelete_WithYes_GongMarksItBeingDeleted_WithoutYes_NothingHappens()
    {
        // Given a registered integration
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 1);
        Assert.Equal(0, (await Run(gong, "integration", "register", "--job", job.JobPath)).ExitCode);
        var id = gong.Sandbox.State.Integration!.IntegrationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // When delete is asked without --yes, then with it
        var refused = await Run(gong, "integration", "delete", "--integration-id", id);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--yes", refused.Out, StringComparison.Ordinal);
        Assert.False(gong.Sandbox.State.Integration!.IsBeingDeleted);
        var deleted = await Run(gong, "integration", "delete", "--integration-id", id, "--yes", "--json");

        // Then Gong accepted the deletion and the integration is being deleted
        var receipt = deleted.Json();
        Assert.Equal(id, receipt.GetProperty("integrationId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith($"delete-{id}-", receipt.GetProperty("clientRequestId").GetString(), StringComparison.Ordinal);
        Assert.True(gong.Sandbox.State.Integration!.IsBeingDeleted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IntegrationDelete_GongAnswers400_SaysWhatGongSaidWithoutAStackTrace(bool verbose)
    {
        // Given no integration 999 in Gong
        await using var gong = await SandboxSession.StartAsync();
        string[] args = ["integration", "delete", "--integration-id", "999", "--yes", .. verbose ? new[] { "--verbose" } : []];

        // When it is deleted
        var result = await Run(gong, args);

        // Then Gong's refusal is the message, exit 1, and no .NET stack trace (an expected error, even with --verbose)
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("failed with HTTP 400", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntegrationDelete_WithoutIntegrationId_IsUsageError()
    {
        await using var gong = await SandboxSession.StartAsync();

        var result = await Run(gong, "integration", "delete", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(0, gong.Sandbox.State.CallCount());
    }

    [Fact]
    public async Task SchemaPush_ThenShow_ShowsTheJobsCustomFields()
    {
        // Given a registered integration and a job declaring the ACCOUNT custom fields tier and score
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 1);
        Assert.Equal(0, (await Run(gong, "integration", "register", "--job", job.JobPath)).ExitCode);
        var id = gong.Sandbox.State.Integration!.IntegrationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // When the schema is pushed and then shown
        var pushed = await Run(gong, "schema", "push", "--job", job.JobPath, "--integration-id", id);
        var shown = (await Run(gong, "schema", "show", "--json", "--integration-id", id)).Json();

        // Then Gong holds both fields, and show prints them under ACCOUNT
        Assert.True(pushed.ExitCode == 0, pushed.All);
        Assert.Equal(["score", "tier"], gong.Sandbox.State.Schema("ACCOUNT").Select(f => f.UniqueName).Order());
        var account = shown.GetProperty("ACCOUNT").EnumerateArray().ToDictionary(f => f.GetProperty("uniqueName").GetString()!);
        Assert.Equal(["score", "tier"], account.Keys.Order());
        Assert.Equal(("PICKLIST", "NUMBER"), (account["tier"].GetProperty("type").ToString(), account["score"].GetProperty("type").ToString()));
        Assert.Equal(["Gold", "Silver", "Bronze"], account["tier"].GetProperty("orderedValueList").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0, shown.GetProperty("CONTACT").GetArrayLength());

        // and a second push changes nothing
        var again = await Run(gong, "schema", "push", "--job", job.JobPath, "--integration-id", id);
        Assert.Contains("nothing was pushed", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaPush_PicklistWithValuesAuto_DeclaresTheExportsValues_AsSyncDoes()
    {
        // Given a job whose ACCOUNT mapping declares the tier picklist from the export's values
        await using var gong = await SandboxSession.StartAsync();
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("accounts.csv"), "Id,Name,Tier,Updated\nA-1,Acme,Gold,2024-03-01T10:00:00Z\nA-2,Globex,silver,2024-03-01T10:00:00Z\nA-3,Initech,Bronze,2024-03-01T10:00:00Z\nA-4,Umbrella,Gold,2024-03-01T10:00:00Z\n");
        await File.WriteAllTextAsync(dir.File("account.yaml"), "objectType: ACCOUNT\nobjectId: Id\nmodifiedDate: Updated\nfields:\n  name: Name\ncustomFields:\n  tier: { column: Tier, type: PICKLIST, values: auto }\n");
        await File.WriteAllTextAsync(dir.File("job.yaml"), "integration: { name: Test CRM, ownerEmail: revops@example.com }\nobjects:\n  - type: ACCOUNT\n    source: { path: accounts.csv }\n    mapping: account.yaml\n");
        Assert.Equal(0, (await Run(gong, "integration", "register", "--job", dir.File("job.yaml"))).ExitCode);
        var id = gong.Sandbox.State.Integration!.IntegrationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // When the schema is pushed on its own
        var pushed = await Run(gong, "schema", "push", "--job", dir.File("job.yaml"), "--integration-id", id);

        // Then Gong's picklist holds the export's distinct values, sorted, not an empty list
        Assert.True(pushed.ExitCode == 0, pushed.All);
        var tier = Assert.Single(gong.Sandbox.State.Schema("ACCOUNT"));
        Assert.Equal(["Bronze", "Gold", "silver"], tier.OrderedValueList);

        // And a sync of the same job finds the schema as it would push it: nothing to change
        using var report = new TempDirectory();
        var sync = await CliRunner.RunAsync(gong.Environment, ["sync", "--job", dir.File("job.yaml"), "--report", report.Path, .. gong.FastSyncArguments]);
        Assert.True(sync.ExitCode == 0, sync.All);
        Assert.Contains("The ACCOUNT schema is unchanged", sync.All, StringComparison.Ordinal);
        Assert.Equal(["Bronze", "Gold", "silver"], Assert.Single(gong.Sandbox.State.Schema("ACCOUNT")).OrderedValueList);
    }

    [Fact]
    public async Task Status_OfAnUploadMadeBySync_ReportsDoneWithCounts()
    {
        // Given a sync that uploaded 5 accounts
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 5);
        var sync = await gong.SyncAsync(job.JobPath, job.ReportDirectory);
        Assert.True(sync.ExitCode == 0, sync.All);
        var upload = Assert.Single(Report.Read(job.ReportDirectory).Summary.ObjectTypes["ACCOUNT"].Uploads);

        // When its status is asked
        var text = await Run(gong, "status", "--client-request-id", upload.ClientRequestId);
        var json = (await Run(gong, "status", "--client-request-id", upload.ClientRequestId, "--json")).Json();

        // Then Gong's verdict is printed
        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains($"{upload.ClientRequestId}: Done, 5 accepted, 0 errors", text.Out, StringComparison.Ordinal);
        Assert.Equal("DONE", json.GetProperty("status").ToString());
        Assert.Equal(5, json.GetProperty("totalSuccessCount").GetInt32());
        Assert.Equal(0, json.GetProperty("totalErrorCount").GetInt32());
    }

    [Fact]
    public async Task Status_UnknownClientRequestId_FailsWithoutCrash()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 1);
        Assert.Equal(0, (await Run(gong, "integration", "register", "--job", job.JobPath)).ExitCode);

        var result = await Run(gong, "status", "--client-request-id", "never-sent");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("never-sent", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObjectsGet_KnownAndUnknownIds_PrintsFieldsAndNull()
    {
        // Given a sync that stored ACC-1 and ACC-2
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 2);
        var sync = await gong.SyncAsync(job.JobPath, job.ReportDirectory);
        Assert.True(sync.ExitCode == 0, sync.All);

        // When ACC-1 and NOPE are read back
        var objects = (await Run(gong, "objects", "get", "--type", "ACCOUNT", "--id", "ACC-1", "--id", "NOPE", "--json")).Json();

        // Then ACC-1 has its fields and NOPE is null
        Assert.Equal("Account 1", objects.GetProperty("ACC-1").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, objects.GetProperty("NOPE").ValueKind);
        Assert.Equal(2, objects.EnumerateObject().Count());
    }

    [Fact]
    public async Task Init_FromCsvHeader_PrintsAMappingTheLoaderAccepts()
    {
        // Given an ACCOUNT export's header
        using var dir = new TempDirectory();
        var csv = dir.File("accounts.csv");
        await File.WriteAllTextAsync(csv, "Id,Account Name,Last Modified,Website,Industry\nA-1,Acme,2024-03-01,acme.example,Retail\n");

        // When init prints a mapping, saved to a file
        var result = await CliRunner.RunAsync(null, "init", "--type", "ACCOUNT", "--csv", csv);
        Assert.True(result.ExitCode == 0, result.All);
        var mappingPath = dir.File("account.yaml");
        await File.WriteAllTextAsync(mappingPath, result.Out);

        // Then the mapping loads as an ACCOUNT mapping reading columns of that header
        var mapping = MappingLoader.Load(mappingPath, CrmObjectType.Account);
        Assert.Equal(CrmObjectType.Account, mapping.ObjectType);
        Assert.Contains("Id", mapping.Columns);
        Assert.All(mapping.Columns, c => Assert.Contains(c, new[] { "Id", "Account Name", "Last Modified", "Website", "Industry" }));
    }

    [Fact]
    public async Task Init_MissingCsv_ExitsTwo()
    {
        var result = await CliRunner.RunAsync(null, "init", "--type", "ACCOUNT", "--csv", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv"));

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task SamplesGenerate_HundredContacts_WritesHeaderAndHundredRows()
    {
        using var dir = new TempDirectory();
        var output = dir.File("contacts.csv");

        var result = await CliRunner.RunAsync(null, "samples", "generate", "--type", "CONTACT", "--rows", "100", "--out", output);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(101, await File.ReadLinesAsync(output).CountAsync());
        Assert.Contains("100 CONTACT rows", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxServe_PortZero_PrintsItsBaseUrlAndStopsCleanlyWhenCancelled()
    {
        // Given a stop that comes after about a second
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        // When the emulator is served on a free port
        var result = await CliRunner.RunAsync(new Dictionary<string, string>(), stop.Token, "sandbox", "serve", "--port", "0");

        // Then it printed where it listened, with generated credentials, and exited 0
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"listening on http://127\.0\.0\.1:\d+", result.Out);
        Assert.Contains("export GONG_ACCESS_KEY=", result.Out, StringComparison.Ordinal);
    }
}
