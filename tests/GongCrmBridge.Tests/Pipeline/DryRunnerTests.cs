using System.Globalization;
using System.Text;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Planning;
using GongCrmBridge.Reporting;
using GongCrmBridge.Sources;
using GongCrmBridge.Tests.Mapping;
using GongCrmBridge.Tests.State;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Tests.Pipeline;

public sealed class DryRunnerTests : IDisposable
{
    private const string Modified = "2024-03-01T12:00:00Z";
    private readonly TempDir _dir = new();

    public DryRunnerTests()
    {
        _dir.Write("account.yaml", """
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: Modified
            fields:
              name: Name
            """);
        _dir.Write("contact.yaml", """
            objectType: CONTACT
            objectId: Id
            modifiedDate: Modified
            fields:
              accountId: AccountId
              emailAddress: Email
            """);
        _dir.Write("job.yaml", """
            integration: { name: Test CRM, ownerEmail: revops@test.example }
            objects:
              - type: CONTACT
                source: { path: exports/contacts.csv }
                mapping: contact.yaml
              - type: ACCOUNT
                source: { path: exports/accounts.csv }
                mapping: account.yaml
            """);
    }

    public void Dispose() => _dir.Dispose();

    private string Report => Path.Combine(_dir.Root, "report");

    private JobDefinition Job() => JobLoader.Load(Path.Combine(_dir.Root, "job.yaml"), RecordSources.FindMissingColumns);

    private RunOptions Options() => new() { ReportDirectory = Report, RunId = "test-run", Parallelism = 2 };

    private void WriteExports(string accounts, string contacts)
    {
        _dir.Write("exports/accounts.csv", "Id,Modified,Name\n" + accounts);
        _dir.Write("exports/contacts.csv", "Id,Modified,AccountId,Email\n" + contacts);
    }

    private static string Accounts(int count, int from = 1)
    {
        var csv = new StringBuilder();
        for (var n = from; n < from + count; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"ACC-{n},{Modified},Account {n}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task RunAsync_EveryRecordValid_ExitsZeroWithBalancedCountsAndBatches()
    {
        // Given 3 accounts and 2 contacts, all valid
        WriteExports(Accounts(3), $"C-1,{Modified},ACC-1,a@x.example\nC-2,{Modified},ACC-3,\n");

        // When the job is dry-run
        var summary = await new DryRunner().RunAsync(Job(), Options());

        // Then every record is valid, the report says so and the batches are on disk
        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        Assert.Null(summary.Error);
        Assert.Equal(("dry-run", "test-run"), (summary.Mode, summary.RunId));
        var written = RunSummaries.Read(Path.Combine(Report, RunReportWriter.SummaryFileName));
        Assert.Equal(["ACCOUNT", "CONTACT"], written.ObjectTypes.Keys);
        Assert.Equal((3L, 3L, 0L, 1), (written.ObjectTypes["ACCOUNT"].Read, written.ObjectTypes["ACCOUNT"].Valid, written.ObjectTypes["ACCOUNT"].Rejected, written.ObjectTypes["ACCOUNT"].Files));
        Assert.Equal((2L, 2L, 0L, 1), (written.ObjectTypes["CONTACT"].Read, written.ObjectTypes["CONTACT"].Valid, written.ObjectTypes["CONTACT"].Rejected, written.ObjectTypes["CONTACT"].Files));
        Assert.All(written.ObjectTypes.Values, c => Assert.True(c.Balances));
        Assert.Null(written.ObjectTypes["ACCOUNT"].Accepted);
        Assert.Empty(written.Warnings);
        Assert.Equal(0, written.ApiCalls);

        var accountFile = Assert.Single(Directory.GetFiles(Path.Combine(Report, "batches", "account"), "*.ldjson"));
        Assert.Equal(["ACC-1", "ACC-2", "ACC-3"], (await File.ReadAllLinesAsync(accountFile)).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("objectId").GetString()));
        Assert.Single(Directory.GetFiles(Path.Combine(Report, "batches", "contact"), "*.ldjson"));
        Assert.Equal(["objectType,source,line,objectId,stage,reason"], await File.ReadAllLinesAsync(Path.Combine(Report, RejectionsCsvWriter.FileName)));
    }

    [Fact]
    public async Task RunAsync_SomeBadRows_ExitsThreeAndListsEachRejectionExactly()
    {
        // Given an account with an invalid objectId (line 3), one with an unreadable date (line 4), and a contact
        // with a bad email (line 3: an optional field, left out and listed in field-issues.csv) and one pointing at an
        // account the job does not hold (a warning only)
        WriteExports(
            $"ACC-1,{Modified},Alpha\nACC 2,{Modified},Beta\nACC-3,yesterday,Gamma\nACC-4,{Modified},Delta\n",
            $"C-1,{Modified},ACC-1,a@x.example\nC-2,{Modified},ACC-1,n/a\nC-3,{Modified},ACC-9,\n");

        // When the job is dry-run
        var summary = await new DryRunner().RunAsync(Job(), Options());

        // Then the run exits 3, the counts balance, and rejections.csv names each bad row precisely
        Assert.Equal(ExitCodes.Rejected, summary.ExitCode);
        var account = summary.ObjectTypes["ACCOUNT"];
        var contact = summary.ObjectTypes["CONTACT"];
        Assert.Equal((4L, 2L, 2L), (account.Read, account.Valid, account.Rejected));
        Assert.Equal((3L, 3L, 0L), (contact.Read, contact.Valid, contact.Rejected));
        Assert.True(account.Balances && contact.Balances);

        var rows = (await File.ReadAllTextAsync(Path.Combine(Report, RejectionsCsvWriter.FileName))).ReplaceLineEndings("\n");
        Assert.Equal(
            """
            objectType,source,line,objectId,stage,reason
            ACCOUNT,exports/accounts.csv,3,ACC 2,validation,"objectId (column 'Id') may hold only letters, digits, '-' and '_', or be an email address"
            ACCOUNT,exports/accounts.csv,4,ACC-3,mapping,"modifiedDate (column 'Modified'): cannot read 'yesterday' as a date-time (expected ISO-8601, e.g. 2024-03-01 or 2024-03-01T12:00:00Z; set 'format' for other layouts)"

            """,
            rows);
        Assert.Equal(
            """
            objectType,source,line,objectId,field,reason
            CONTACT,exports/contacts.csv,3,C-2,emailAddress,field 'emailAddress' (column 'Email') is not a valid email address

            """,
            (await File.ReadAllTextAsync(Path.Combine(Report, FieldIssuesCsvWriter.FileName))).ReplaceLineEndings("\n"));

        var warning = Assert.Single(summary.Warnings);
        Assert.Equal(("CONTACT", "accountId", "ACCOUNT", 1L), (warning.ObjectType, warning.Field, warning.Target, warning.Count));
        var example = Assert.Single(warning.Examples);
        Assert.Equal((4L, "C-3", "ACC-9"), (example.Line, example.ObjectId, example.MissingId));
        Assert.EndsWith("contacts.csv", example.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CancelledMidway_ExitsWith130AndBalancedCounts()
    {
        // Given a large ACCOUNT export (several chunks) and a user who stops after the first chunk
        WriteExports(Accounts(20_000), $"C-1,{Modified},ACC-1,\n");
        using var stop = new CancellationTokenSource();
        var progress = new StopAfterFirstReport(stop);

        // When the job is dry-run
        var summary = await new DryRunner().RunAsync(Job(), Options(), progress, stop.Token);

        // Then the run reports the stop: exit 130, a reason, and counts that still balance
        Assert.Equal(ExitCodes.Cancelled, summary.ExitCode);
        Assert.Contains("Stopped", summary.Error, StringComparison.Ordinal);
        Assert.True(progress.Reports >= 1);
        var written = RunSummaries.Read(Path.Combine(Report, RunReportWriter.SummaryFileName));
        Assert.Equal(ExitCodes.Cancelled, written.ExitCode);
        Assert.Equal(["ACCOUNT", "CONTACT"], written.ObjectTypes.Keys);
        Assert.All(written.ObjectTypes.Values, c => Assert.True(c.Balances));
        Assert.InRange(written.ObjectTypes["ACCOUNT"].Read, 1, 19_999); // what was read before the stop is counted
        var rejectionRows = (await File.ReadAllLinesAsync(Path.Combine(Report, RejectionsCsvWriter.FileName))).Length - 1;
        Assert.Equal(written.ObjectTypes.Values.Sum(c => c.Rejected), rejectionRows);
    }

    [Fact]
    public async Task RunAsync_CancelledMidwayWithAWhere_CountsTheSkippedRowsSoTheCountsBalance()
    {
        // Given a mapping whose where keeps the accounts with an even number, and a user who stops after the first chunk
        _dir.Write("account.yaml", """
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: Modified
            where: { column: Name, matches: "[02468]$" }
            fields:
              name: Name
            """);
        WriteExports(Accounts(20_000), string.Empty);
        using var stop = new CancellationTokenSource();

        // When the job is dry-run
        await new DryRunner().RunAsync(Job(), Options(), new StopAfterFirstReport(stop), stop.Token);

        // Then what was read before the stop is valid or skipped, half each, and read = valid + rejected + skipped
        var account = RunSummaries.Read(Path.Combine(Report, RunReportWriter.SummaryFileName)).ObjectTypes["ACCOUNT"];
        Assert.InRange(account.Read, 1, 19_999);
        Assert.Equal(account.Read / 2, account.Skipped);
        Assert.True(account.Balances, $"read {account.Read}, valid {account.Valid}, rejected {account.Rejected}, skipped {account.Skipped}");
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeStart_ExitsWith130()
    {
        WriteExports(Accounts(3), string.Empty);

        var summary = await new DryRunner().RunAsync(Job(), Options(), cancellationToken: new CancellationToken(canceled: true));

        Assert.Equal(ExitCodes.Cancelled, summary.ExitCode);
        Assert.All(summary.ObjectTypes.Values, c => Assert.True(c.Balances));
        Assert.True(File.Exists(Path.Combine(Report, RunReportWriter.SummaryFileName)));
    }

    [Fact]
    public async Task RunAsync_ExportLargerThanOneChunk_CountsEveryRecordOnce()
    {
        // Given 10,000 accounts (more than one 4,096-record chunk) and no contacts
        WriteExports(Accounts(10_000), string.Empty);

        var summary = await new DryRunner().RunAsync(Job(), Options());

        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        Assert.Equal((10_000L, 10_000L), (summary.ObjectTypes["ACCOUNT"].Read, summary.ObjectTypes["ACCOUNT"].Valid));
        Assert.Equal((0L, 0L, 0), (summary.ObjectTypes["CONTACT"].Read, summary.ObjectTypes["CONTACT"].Valid, summary.ObjectTypes["CONTACT"].Files));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(Report, "batches", "account"), "*.ldjson"));
        Assert.Equal(10_000, await File.ReadLinesAsync(file).CountAsync());
    }

    [Fact]
    public async Task RunAsync_TwoTypes_WritesThePlanOfFilesRecordsAndCalls()
    {
        // Given 3 accounts and 2 contacts, no custom field
        WriteExports(Accounts(3), $"C-1,{Modified},ACC-1,a@x.example\nC-2,{Modified},ACC-3,\n");

        // When the job is dry-run
        var summary = await new DryRunner().RunAsync(Job(), Options());

        // Then summary.json holds the plan: one file per type, and 1 lookup + 1 schema read + per file 1 upload, 2 polls
        var plan = RunSummaries.Read(Path.Combine(Report, RunReportWriter.SummaryFileName)).Plan;
        Assert.NotNull(plan);
        Assert.Equal([new TypePlan("ACCOUNT", 1, 3), new TypePlan("CONTACT", 1, 2)], plan.Types);
        Assert.Equal((1L, 1L, 2L, 4L, 0L), (plan.Lookups, plan.SchemaCalls, plan.Uploads, plan.Polls, plan.ResumedPolls));
        Assert.Equal(8L, plan.Calls);

        // and, with no state yet, the whole daily budget as what is left
        Assert.Equal(((long?)null, 10_000L), (summary.ApiCallsToday, summary.DailyBudgetLeft));
    }

    [Fact]
    public async Task RunAsync_StateWithAnUnfinishedUpload_PlansItsPollsAndSaysTodaysBudget()
    {
        // Given a state where an earlier sync left one upload unfinished
        WriteExports(Accounts(3), string.Empty);
        using var state = new TempStateFolder();
        using (var store = state.Open())
        {
            StateTestKit.PlanUpload(store, "an upload Gong may hold");
        }

        // When the job is dry-run with that state
        var summary = await new DryRunner(stateDirectory: state.Path).RunAsync(Job(), Options());

        // Then the plan counts the leftover's 2 polls in its calls (1 lookup + 1 schema read + 1 upload and its 2 polls
        // + 2), and the day's budget is reported
        Assert.NotNull(summary.Plan);
        Assert.Equal((2L, 7L), (summary.Plan.ResumedPolls, summary.Plan.Calls));
        Assert.Equal((0L, 10_000L), (summary.ApiCallsToday, summary.DailyBudgetLeft));
        Assert.Equal(7L, RunSummaries.Read(Path.Combine(Report, RunReportWriter.SummaryFileName)).Plan?.Calls);
    }

    private sealed class StopAfterFirstReport(CancellationTokenSource stop) : IProgress<PipelineProgress>
    {
        public int Reports { get; private set; }

        public void Report(PipelineProgress value)
        {
            Reports++;
            stop.Cancel();
        }
    }
}
