using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Cli.Tests;

/// <summary>Every sample job runs, and the Acme sample's deliberate problems come out exactly as its README says.</summary>
public sealed class SampleJobsTests
{
    private static readonly string[] CrmTypes = ["BUSINESS_USER", "STAGE", "ACCOUNT", "CONTACT", "DEAL", "LEAD"];

    public static TheoryData<string, int> SampleJobs => new()
    {
        { "acme", 3 },
        { "salesforce-report", 0 },
    };

    // The ready-made sets' jobs: the exit code and (read, valid, rejected, skipped, merged) per type; STAGE, where it is
    // derived from the deals, is checked by Validate_StagesDerivedFromDeals_CollapseIntoOnePerStage.
    public static TheoryData<string, int, string> ReadyMadeJobs => new()
    {
        { "salesforce", 0, "BUSINESS_USER=8/6/0/2/0 STAGE=8/8/0/0/0 ACCOUNT=10/10/0/0/0 CONTACT=16/16/0/0/0 DEAL=24/24/0/0/0 LEAD=12/12/0/0/0" },
        { "salesforce-weekly", 0, "BUSINESS_USER=8/6/0/2/0 ACCOUNT=10/10/0/0/0 CONTACT=16/16/0/0/0 DEAL=24/24/0/0/0 LEAD=12/12/0/0/0" },
        { "hubspot", 3, "BUSINESS_USER=5/5/0/0/0 ACCOUNT=10/10/0/0/0 CONTACT=16/14/2/0/0 DEAL=24/24/0/0/0" },
        { "dynamics365", 0, "BUSINESS_USER=8/5/0/3/0 ACCOUNT=10/10/0/0/0 CONTACT=16/16/0/0/0 DEAL=24/24/0/0/0 LEAD=12/12/0/0/0" },
        { "pipedrive", 0, "BUSINESS_USER=5/5/0/0/0 ACCOUNT=10/10/0/0/0 CONTACT=16/16/0/0/0 DEAL=24/24/0/0/0 LEAD=12/12/0/0/0" },
        { "zoho", 0, "BUSINESS_USER=5/5/0/0/0 ACCOUNT=10/10/0/0/0 CONTACT=16/16/0/0/0 DEAL=24/24/0/0/0 LEAD=12/12/0/0/0" },
        { "odoo", 0, "BUSINESS_USER=7/6/0/1/0 ACCOUNT=26/10/0/16/0 CONTACT=26/16/0/10/0 DEAL=36/24/0/12/0 LEAD=36/12/0/24/0" },
    };

    [Fact]
    public void SampleJobs_CoverEveryJobInSamples()
    {
        var onDisk = Directory.EnumerateFiles(Repository.PathOf("samples"), "job.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetFileName(Path.GetDirectoryName(path))!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, SampleJobs.Concat(ReadyMadeJobs).Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ReadyMadeJobs))]
    public async Task Validate_ReadyMadeSetJob_CountsEveryRecordAsExpectedWithoutConfigurationError(string sample, int expectedExitCode, string expected)
    {
        using var report = new TempDirectory();

        var result = await CliRunner.RunAsync(null, "sync", "--dry-run", "--keep-batches", "--job", Repository.PathOf("samples", sample, "job.yaml"), "--report", report.Path);

        Assert.True(result.ExitCode == expectedExitCode, result.All);
        Assert.DoesNotContain("configuration problem", result.All, StringComparison.Ordinal);

        // Every test export holds 3 won and 3 lost deals of 24, each CRM saying so its own way.
        var deals = Directory.GetFiles(Path.Combine(report.Path, "batches"), "*deal*", SearchOption.AllDirectories).SelectMany(File.ReadLines).ToList();
        Assert.Equal(
            (3, 3, 18),
            (deals.Count(l => l.Contains("\"status\":\"WON\"", StringComparison.Ordinal)), deals.Count(l => l.Contains("\"status\":\"LOST\"", StringComparison.Ordinal)), deals.Count(l => l.Contains("\"status\":\"OPEN\"", StringComparison.Ordinal))));

        // Read from the JSON itself: skipped and merged are buckets the engine work adds to the summary.
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report.Path, "summary.json")));
        var types = json.RootElement.GetProperty("objectTypes");
        var derivesStages = !File.Exists(Repository.PathOf("samples", sample, "exports", "OpportunityStage.csv"));
        var actual = string.Join(' ', CrmTypes.Where(t => types.TryGetProperty(t, out _) && !(t == "STAGE" && derivesStages)).Select(type =>
        {
            var counts = types.GetProperty(type);
            long Count(string bucket) => counts.TryGetProperty(bucket, out var n) && n.ValueKind == System.Text.Json.JsonValueKind.Number ? n.GetInt64() : 0;
            return $"{type}={Count("read")}/{Count("valid")}/{Count("rejected")}/{Count("skipped")}/{Count("merged")}";
        }));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("odoo")] // where: rows of the other type skipped in every export
    [InlineData("salesforce-weekly")] // stages derived from the deals: merged into one per stage
    public async Task Sync_ReadyMadeSetJob_InTheSandbox_AcceptsWhatValidateFindsValid(string sample)
    {
        // Given a ready-made job, validated
        var job = Repository.PathOf("samples", sample, "job.yaml");
        using var dryRun = new TempDirectory();
        using var synced = new TempDirectory();
        Assert.Equal(0, (await CliRunner.RunAsync(null, "validate", "--job", job, "--report", dryRun.Path)).ExitCode);

        // When it is synced with the built-in emulator
        var sync = await CliRunner.RunAsync(null, "sync", "--job", job, "--sandbox", "--report", synced.Path);

        // Then Gong accepts every valid record, and the skipped and merged buckets are those of the dry run, balanced
        Assert.True(sync.ExitCode == 0, sync.All);
        var expected = Report.Read(dryRun.Path).Summary.ObjectTypes;
        var actual = Report.Read(synced.Path).Summary.ObjectTypes;
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (type, counts) in actual)
        {
            Assert.True(counts.Balances, type);
            Assert.Equal(
                (expected[type].Read, expected[type].Valid, expected[type].Rejected, expected[type].Skipped, expected[type].Merged),
                (counts.Read, counts.Accepted, counts.Rejected, counts.Skipped, counts.Merged));
        }

        Assert.True(actual.Values.Sum(c => c.Skipped + c.Merged) > 0, "the sample exercises neither bucket");
    }

    [Theory]
    [MemberData(nameof(SampleJobs))]
    public async Task Validate_SampleJob_DryRunsWithoutGongAndAccountsForEveryRecord(string sample, int expectedExitCode)
    {
        using var report = new TempDirectory();

        var result = await CliRunner.RunAsync(null, "validate", "--job", Repository.PathOf("samples", sample, "job.yaml"), "--report", report.Path);

        Assert.True(result.ExitCode == expectedExitCode, result.All);
        var summary = Report.Read(report.Path).Summary;
        Assert.Equal("dry-run", summary.Mode);
        Assert.NotEmpty(summary.ObjectTypes);
        Assert.All(summary.ObjectTypes.Values, counts => Assert.True(counts.Balances));
        Assert.All(summary.ObjectTypes.Values, counts => Assert.True(counts.Read > 0));
        Assert.Equal(0, summary.ApiCalls);
    }

    [Theory]
    [InlineData("salesforce-weekly", "24/7/0/0/17")]
    [InlineData("hubspot", "24/7/0/0/17")]
    [InlineData("dynamics365", "24/4/0/0/20")]
    [InlineData("pipedrive", "24/5/0/0/19")]
    [InlineData("zoho", "24/8/0/0/16")]
    [InlineData("odoo", "36/4/0/12/20")]
    public async Task Validate_StagesDerivedFromDeals_CollapseIntoOnePerStage(string sample, string expected)
    {
        using var report = new TempDirectory();

        await CliRunner.RunAsync(null, "validate", "--job", Repository.PathOf("samples", sample, "job.yaml"), "--report", report.Path);

        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report.Path, "summary.json")));
        var stage = json.RootElement.GetProperty("objectTypes").GetProperty("STAGE");
        Assert.Equal(expected, string.Join('/', new[] { "read", "valid", "rejected", "skipped", "merged" }.Select(b => stage.TryGetProperty(b, out var n) ? n.GetInt64() : 0)));
    }

    [Fact]
    public async Task Validate_Acme_RejectsExactlyTheDocumentedRecords()
    {
        using var report = new TempDirectory();

        var result = await CliRunner.RunAsync(null, "sync", "--dry-run", "--job", Repository.PathOf("samples", "acme", "job.yaml"), "--report", report.Path);

        Assert.True(result.ExitCode == 3, result.All);
        var rejections = Report.Read(report.Path).Rejections;
        Assert.Equal(
            [
                ("ACCOUNT", "exports/accounts.csv", 64L, "ACC-1061", "mapping"),
                ("ACCOUNT", "exports/accounts.csv", 65L, "ACC-1062", "validation"),
                ("ACCOUNT", "exports/accounts.csv", 66L, string.Empty, "validation"),
                ("BUSINESS_USER", "exports/users.csv", 13L, "USR-012", "validation"),
                ("DEAL", "exports/opportunities.csv", 34L, "OPP-3033", "mapping"),
                ("LEAD", "exports/leads.jsonl", 25L, string.Empty, "mapping"),
            ],
            rejections.Select(r => (r.ObjectType, r.Source, r.Line, r.ObjectId, r.Stage)).Order());
        Assert.Contains("emailAddress", rejections.Single(r => r.ObjectId == "USR-012").Reason, StringComparison.Ordinal);
        Assert.Contains("tier", rejections.Single(r => r.ObjectId == "ACC-1062").Reason, StringComparison.Ordinal);
        Assert.Contains("amount", rejections.Single(r => r.ObjectId == "OPP-3033").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Acme_CountsAndWarningsMatchTheReadme()
    {
        using var report = new TempDirectory();

        await CliRunner.RunAsync(null, "validate", "--job", Repository.PathOf("samples", "acme", "job.yaml"), "--report", report.Path);

        var summary = Report.Read(report.Path).Summary;
        Assert.Equal(
            new Dictionary<string, (long, long, long)>
            {
                ["BUSINESS_USER"] = (12, 11, 1),
                ["STAGE"] = (8, 8, 0),
                ["ACCOUNT"] = (64, 61, 3),
                ["CONTACT"] = (120, 120, 0),
                ["DEAL"] = (80, 79, 1),
                ["LEAD"] = (40, 39, 1),
            },
            summary.ObjectTypes.ToDictionary(p => p.Key, p => (p.Value.Read, p.Value.Valid ?? -1, p.Value.Rejected)));
        Assert.Equal(2, summary.ObjectTypes["ACCOUNT"].Files); // ACC-1007's two versions go into successive files
        Assert.Equal(
            [("CONTACT", "accountId", "CON-2077", "exports/contacts.csv", 78L), ("DEAL", "ownerId", "OPP-3050", "exports/opportunities.csv", 51L)],
            summary.Warnings.SelectMany(w => w.Examples.Select(e => (w.ObjectType, w.Field, e.ObjectId, e.Source, e.Line))).Order());
    }

    [Fact]
    public async Task Sync_AcmeWithBuiltInSandbox_TheReadmeCommand_ReportsTheBadRecordsAndExitsThree()
    {
        using var report = new TempDirectory();

        var result = await CliRunner.RunAsync(null, "sync", "--job", Repository.PathOf("samples", "acme", "job.yaml"), "--sandbox", "--report", report.Path);

        Assert.True(result.ExitCode == 3, result.All);
        var summary = Report.Read(report.Path).Summary;
        Assert.All(summary.ObjectTypes.Values, counts => Assert.True(counts.Balances));
        Assert.Equal(318, summary.ObjectTypes.Values.Sum(c => c.Accepted ?? 0));
        Assert.True(summary.ApiCalls > 0);
        Assert.Contains("Sync", result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(report.Path, "batches")), "a finished sync leaves no copies of the exports behind");
    }

    [Fact]
    public async Task ValidateAndSync_Acme_PrintThePlanBeforeSendingAndTheWarningsAtTheEnd()
    {
        // When acme is validated (log lines), then synced on a terminal (progress display, quiet console log)
        using var validateReport = new TempDirectory();
        using var syncReport = new TempDirectory();
        var job = Repository.PathOf("samples", "acme", "job.yaml");
        var validate = await CliRunner.RunAsync(null, "validate", "--job", job, "--report", validateReport.Path);
        var sync = await CliRunner.RunInteractiveAsync(null, "sync", "--job", job, "--sandbox", "--report", syncReport.Path);

        // Then both end with the warnings, one line per code
        foreach (var result in new[] { validate, sync })
        {
            Assert.True(result.ExitCode == 3, result.All);
            Assert.Contains("warning unknown-reference: 1 CONTACT record(s): accountId matches no ACCOUNT", result.Out, StringComparison.Ordinal);
            Assert.Contains("warning catch-all-dominant: isDeleted (column 'Status')", result.Out, StringComparison.Ordinal);
        }

        // And on the terminal the sync still shows the plan and the budget check before sending, among its warnings only
        Assert.Contains("plan: BUSINESS_USER 1 file(s), 11 record(s); STAGE 1 file(s), 8 record(s);", sync.Error, StringComparison.Ordinal);
        Assert.Contains("calls fit in today's budget", sync.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Reading ACCOUNT export", sync.Error, StringComparison.Ordinal);
        Assert.Contains("Reading ACCOUNT export", validate.Error, StringComparison.Ordinal);

        // (validate with no state yet says the whole daily budget is left as far as it knows)
        Assert.Contains($"budget: no state yet, so no call counted today: {10_000:N0} left of the daily budget", validate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_Acme_SandboxStoreHoldsExactlyTheExpectedObjects()
    {
        await using var gong = await SandboxSession.StartAsync(allowUnderscoreInObjectId: true);
        using var report = new TempDirectory();

        var result = await gong.SyncAsync(Repository.PathOf("samples", "acme", "job.yaml"), report.Path, "--state", Path.Combine(report.Path, "state"));

        Assert.True(result.ExitCode == 3, result.All);
        var parsed = Report.Read(report.Path);
        Assert.Equal(6, parsed.Rejections.Count);
        Assert.DoesNotContain(parsed.Rejections, r => r.Stage == "gong");
        foreach (var type in new[] { "BUSINESS_USER", "STAGE", "ACCOUNT", "CONTACT", "DEAL", "LEAD" })
        {
            SyncEndToEndTests.AssertStoreHolds(gong.Sandbox, report.Path, type);
            var counts = parsed.Summary.ObjectTypes[type];
            Assert.Equal(counts.Read, (counts.Accepted ?? 0) + counts.Rejected);
        }

        // ACC-1007's newer version is applied last, though the export lists it first.
        Assert.DoesNotContain("(old name)", gong.Sandbox.State.Objects("ACCOUNT")["ACC-1007"].GetProperty("name").GetString(), StringComparison.Ordinal);
    }
}
