using System.Globalization;
using System.Text;
using GongCrmBridge.Gong;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Sandbox;
using GongCrmBridge.Sources;
using GongCrmBridge.Status;
using GongCrmBridge.Tests.Mapping;
using GongCrmBridge.Tests.Support;
using GongCrmBridge.Upload;

namespace GongCrmBridge.Tests.Pipeline;

/// <summary>Issue 10: whole syncs over real loopback HTTP against the emulator with Gong's real limits (3 calls/s),
/// with and without injected faults; and the batch folder (item 26).</summary>
public sealed class SyncFaultTests : IDisposable
{
    private const string Modified = "2024-03-01T12:00:00Z";
    private readonly TempDir _dir = new();

    public SyncFaultTests()
    {
        _dir.Write("account.yaml", "objectType: ACCOUNT\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  name: Name\n");
        _dir.Write("contact.yaml", "objectType: CONTACT\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  accountId: AccountId\n  emailAddress: Email\n");
        _dir.Write("job.yaml", """
            integration: { name: Test CRM, ownerEmail: revops@test.example }
            objects:
              - type: ACCOUNT
                source: { path: exports/accounts.csv }
                mapping: account.yaml
              - type: CONTACT
                source: { path: exports/contacts.csv }
                mapping: contact.yaml
            """);
        var accounts = new StringBuilder("Id,Modified,Name\n");
        var contacts = new StringBuilder("Id,Modified,AccountId,Email\n");
        for (var n = 1; n <= 40; n++)
        {
            accounts.Append(CultureInfo.InvariantCulture, $"ACC-{n},{Modified},Account {n}\n");
            contacts.Append(CultureInfo.InvariantCulture, $"C-{n},{Modified},ACC-{n},c{n}@test.example\n");
        }

        _dir.Write("exports/accounts.csv", accounts.ToString());
        _dir.Write("exports/contacts.csv", contacts.ToString());
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sync_429StormsServerErrorsResetsAndSlowStatus_SameGongStoreAsACleanRunAndNeverOverThreeCallsPerSecond()
    {
        // Given one clean run, and one against a Gong that storms 429s, fails calls, drops connections and answers
        // status slowly, both with Gong's real limit of 3 calls per second
        var (clean, cleanStore, cleanMost) = await SyncAsync(null, "clean");
        var plan = new SandboxFaultPlan
        {
            Seed = 10,
            RateLimitStormShare = 0.08,
            ServerErrorShare = 0.12,
            ResetShare = 0.15,
            StatusDelay = TimeSpan.FromMilliseconds(400),
        };

        // When the job is synced through the faults
        var (faulted, faultedStore, faultedMost) = await SyncAsync(plan, "faulted");

        // Then Gong ends with exactly the same objects, the run reports the same outcome with balanced books, and
        // Gong never saw more than 3 calls in any second
        Assert.Equal((0, 0), (clean.ExitCode, faulted.ExitCode));
        Assert.Equal(cleanStore, faultedStore);
        Assert.Equal(80, faultedStore.Count);
        Assert.All(faulted.ObjectTypes.Values, counts => Assert.True(counts.Balances));
        Assert.Equal(40, faulted.ObjectTypes["ACCOUNT"].Accepted);
        Assert.True(faulted.ApiCalls > clean.ApiCalls, "the faults cost retries");
        Assert.True(cleanMost <= 3, $"{cleanMost} calls within a second (clean run)");
        Assert.True(faultedMost <= 3, $"{faultedMost} calls within a second (faulted run)");
    }

    [Fact]
    public async Task Sync_Succeeds_DeletesOnlyTheBatchFilesItWrote()
    {
        // Given a batch folder holding files the run does not write
        var report = Path.Combine(_dir.Root, "report");
        var mine = _dir.Write("report/batches/notes.txt", "the user's");
        var alsoMine = _dir.Write("report/batches/account/keep.ldjson", "{}");

        // When a sync succeeds
        var (summary, _, _) = await SyncAsync(null, "report");

        // Then the run's own batch files are gone, the user's files are not
        Assert.Equal(0, summary.ExitCode);
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(alsoMine));
        Assert.Equal([alsoMine], Directory.GetFiles(Path.Combine(report, "batches", "account")));
        Assert.False(Directory.Exists(Path.Combine(report, "batches", "contact")));
    }

    [Fact]
    public async Task Sync_BatchFolderIsALinkOutOfTheReport_NothingWrittenThereNothingSent()
    {
        // Given a report folder whose batches/ links elsewhere
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir.Root, "elsewhere")).FullName;
        Directory.CreateDirectory(Path.Combine(_dir.Root, "report"));
        Directory.CreateSymbolicLink(Path.Combine(_dir.Root, "report", "batches"), elsewhere);

        // When a sync runs
        var (summary, _, _) = await SyncAsync(null, "report", expectCalls: false);

        // Then it stops before writing a record there or calling Gong, naming the link
        Assert.Equal(ExitCodes.Failed, summary.ExitCode);
        Assert.Contains("is a link to", summary.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        Assert.Equal(0, summary.ApiCalls);
    }

    private async Task<(Reporting.RunSummary Summary, Dictionary<string, string> Store, int MostPerSecond)> SyncAsync(
        SandboxFaultPlan? plan, string reportName, bool expectCalls = true)
    {
        var credentials = SandboxOptions.WithGeneratedCredentials();
        await using var sandbox = await GongSandbox.StartAsync(new SandboxOptions
        {
            AccessKey = credentials.AccessKey,
            AccessKeySecret = credentials.AccessKeySecret,
            PollsUntilDone = 1,
            FaultPlan = plan,
        });
        using var client = new GongCrmClient(new GongClientOptions
        {
            BaseUrl = sandbox.BaseUrl,
            Credentials = GongCredentials.Basic(credentials.AccessKey, credentials.AccessKeySecret),
            MaxRetries = 12,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            AttemptTimeout = TimeSpan.FromSeconds(20),
        });
        var job = JobLoader.Load(Path.Combine(_dir.Root, "job.yaml"), RecordSources.FindMissingColumns);
        var run = new RunOptions { ReportDirectory = Path.Combine(_dir.Root, reportName), RunId = "20240301T120000Z-" + reportName, Parallelism = 2 };
        var sync = new SyncOptions { Upload = new UploadOptions { Polling = PollingOptions.ForSandbox with { Timeout = TimeSpan.FromMinutes(2) } } };

        var summary = await new SyncRunner(client).RunAsync(job, run, sync);

        Assert.Equal(expectCalls, sandbox.State.RequestCount > 0);
        var store = new[] { "ACCOUNT", "CONTACT" }
            .SelectMany(type => sandbox.State.Objects(type).Select(o => (Key: type + "/" + o.Key, Value: o.Value.GetRawText())))
            .ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        return (summary, store, sandbox.Arrivals.MostWithin(TimeSpan.FromSeconds(1)));
    }
}
