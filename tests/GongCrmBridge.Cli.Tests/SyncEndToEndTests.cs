using System.Text.Json;
using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Sandbox;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Cli.Tests;

/// <summary>The real CLI against the emulator over loopback HTTP: every record accounted for, Gong's rules and faults.</summary>
public sealed class SyncEndToEndTests
{
    [Fact]
    public async Task Sync_SmallJob_StoresExactlyTheUploadedRecordsAndExitsZero()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 30);

        var result = await gong.SyncAsync(job.JobPath, job.ReportDirectory);

        Assert.True(result.ExitCode == 0, result.All);
        var report = Report.Read(job.ReportDirectory);
        var accounts = report.Summary.ObjectTypes["ACCOUNT"];
        Assert.Equal((30L, 30L, 0L), (accounts.Read, accounts.Accepted ?? -1, accounts.Rejected));
        AssertStoreHolds(gong.Sandbox, job.ReportDirectory, "ACCOUNT");
        Assert.Equal(["score", "tier"], gong.Sandbox.State.Schema("ACCOUNT").Select(f => f.UniqueName).Order());
    }

    [Fact]
    public async Task Sync_RecordsGongRejects_AreReportedWithSourceLineAndObjectId()
    {
        await using var gong = await SandboxSession.StartAsync();
        gong.Sandbox.Faults.RejectRecords((type, record) =>
            record.GetProperty("objectId").GetString() is "ACC-7" or "ACC-12" ? "Account is on Gong's deny list" : null);
        using var job = new TestJob(accounts: 20);

        var result = await gong.SyncAsync(job.JobPath, job.ReportDirectory);

        Assert.True(result.ExitCode == 3, result.All);
        var report = Report.Read(job.ReportDirectory);
        Assert.Equal(
            [("ACC-12", 13L), ("ACC-7", 8L)],
            report.Rejections.Select(r => (r.ObjectId, r.Line)).Order());
        Assert.All(report.Rejections, r =>
        {
            Assert.Equal(("ACCOUNT", "accounts.csv", "gong"), (r.ObjectType, r.Source, r.Stage));
            Assert.Contains("deny list", r.Reason, StringComparison.Ordinal);
        });
        var accounts = report.Summary.ObjectTypes["ACCOUNT"];
        Assert.Equal((20L, 18L, 2L), (accounts.Read, accounts.Accepted ?? -1, accounts.Rejected));
        Assert.Equal(18, gong.Sandbox.State.Objects("ACCOUNT").Count);
    }

    [Fact]
    public async Task Sync_FiftyGongErrorsInOneFile_ReportsAllFiftyNotTwenty()
    {
        await using var gong = await SandboxSession.StartAsync();
        gong.Sandbox.Faults.RejectRecords((_, record) =>
            int.Parse(record.GetProperty("objectId").GetString()!["ACC-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0
                ? "Rejected by Gong"
                : null);
        using var job = new TestJob(accounts: 100);

        var result = await gong.SyncAsync(job.JobPath, job.ReportDirectory);

        Assert.True(result.ExitCode == 3, result.All);
        var report = Report.Read(job.ReportDirectory);
        Assert.Equal(50, report.Rejections.Count);
        Assert.Equal(
            Enumerable.Range(1, 50).Select(n => $"ACC-{n * 2}").Order(StringComparer.Ordinal),
            report.Rejections.Select(r => r.ObjectId).Order(StringComparer.Ordinal));
        var accounts = report.Summary.ObjectTypes["ACCOUNT"];
        Assert.Equal((50L, 50L, 0L), (accounts.Accepted ?? -1, accounts.Rejected, accounts.RejectedUnnamed));
        Assert.True(accounts.Uploads.Count >= 3, "50 errors at 20 per upload need at least three uploads");
    }

    [Fact]
    public async Task Sync_UnderFaults_EndsWithTheSameStoreAndNoUploadAppliedTwice()
    {
        await using var gong = await SandboxSession.StartAsync(pollsUntilDone: 2);
        var faults = gong.Sandbox.Faults;
        // Every call meets trouble, but no single call more than twice: the client's back-off doubles per attempt.
        faults.RateLimitNext(SandboxRoute.ListIntegrations, 2, TimeSpan.FromSeconds(1));
        faults.RateLimitNext(SandboxRoute.UploadEntities, 1, TimeSpan.FromSeconds(1));
        faults.RateLimitNext(SandboxRoute.RequestStatus, 1, TimeSpan.FromSeconds(1));
        faults.FailNext(SandboxRoute.GetSchema, 1, 503);
        faults.DropConnectionNext(SandboxRoute.UploadEntities, 1, afterProcessing: true);
        faults.FailNext(SandboxRoute.RequestStatus, 1, 500);
        faults.Delay(SandboxRoute.RequestStatus, TimeSpan.FromMilliseconds(100));
        using var job = new TestJob(accounts: 40);

        var result = await gong.SyncAsync(job.JobPath, job.ReportDirectory);

        Assert.True(result.ExitCode == 0, result.All);
        AssertStoreHolds(gong.Sandbox, job.ReportDirectory, "ACCOUNT");
        Assert.Equal(1, gong.Sandbox.State.UploadCount);
        Assert.Equal(40L, Report.Read(job.ReportDirectory).Summary.ObjectTypes["ACCOUNT"].Accepted);
    }

    [Fact]
    public async Task Sync_GongFailsAFileWithoutAnySuccess_ExitsOneAndListsEveryRecord()
    {
        await using var gong = await SandboxSession.StartAsync();
        gong.Sandbox.Faults.RejectRecords((_, _) => "Account data is not usable");
        using var job = new TestJob(accounts: 5);

        var result = await gong.SyncAsync(job.JobPath, job.ReportDirectory);

        Assert.True(result.ExitCode == 1, result.All);
        var report = Report.Read(job.ReportDirectory);
        Assert.Equal(["ACC-1", "ACC-2", "ACC-3", "ACC-4", "ACC-5"], report.Rejections.Select(r => r.ObjectId).Order(StringComparer.Ordinal));
        Assert.Contains("FAILED", report.Summary.Error, StringComparison.Ordinal);
        Assert.True(report.Summary.ObjectTypes["ACCOUNT"].Balances);
    }

    [Fact]
    public async Task Sync_AnotherIntegrationExists_ExitsOneAndUploadsNothing()
    {
        await using var gong = await SandboxSession.StartAsync();
        using (var http = new HttpClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(gong.Sandbox.BaseUrl, "/v2/crm/integrations"))
            {
                Content = new StringContent("""{"name":"Other CRM","ownerEmail":"x@other.example"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{gong.Options.AccessKey}:{gong.Options.AccessKeySecret}")));
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        using var job = new TestJob(accounts: 5);

        var result = await gong.SyncAsync(job.JobPath, job.ReportDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Other CRM", result.All, StringComparison.Ordinal);
        Assert.Equal(0, gong.Sandbox.State.UploadCount);
        Assert.Equal(5L, Report.Read(job.ReportDirectory).Summary.ObjectTypes["ACCOUNT"].NotSent);
    }

    [Fact]
    public async Task Sync_Schema_IsPushedOnlyWhenChangedAndRemovedFieldsAreKeptUnlessAllowed()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 3);
        await gong.SyncAsync(job.JobPath, job.ReportDirectory + "1");
        var pushesAfterFirstRun = gong.Sandbox.State.CallCount(SandboxRoute.UploadSchema);

        await gong.SyncAsync(job.JobPath, job.ReportDirectory + "2");
        Assert.Equal(pushesAfterFirstRun, gong.Sandbox.State.CallCount(SandboxRoute.UploadSchema));

        job.WriteMapping(withScore: false);
        var kept = await gong.SyncAsync(job.JobPath, job.ReportDirectory + "3");
        Assert.True(kept.ExitCode == 0, kept.All);
        Assert.Contains(gong.Sandbox.State.Schema("ACCOUNT"), f => f.UniqueName == "score");

        var removed = await gong.SyncAsync(job.JobPath, job.ReportDirectory + "4", "--allow-field-removal");
        Assert.True(removed.ExitCode == 0, removed.All);
        Assert.DoesNotContain(gong.Sandbox.State.Schema("ACCOUNT"), f => f.UniqueName == "score");
        Assert.Contains("score: removed", removed.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_CredentialsNeverAppearInOutputReportOrLog()
    {
        await using var gong = await SandboxSession.StartAsync();
        gong.Sandbox.Faults.FailNext(SandboxRoute.UploadEntities, 1, 500);
        using var job = new TestJob(accounts: 5);

        var result = await CliRunner.RunAsync(
            gong.Environment,
            ["sync", "--job", job.JobPath, "--report", job.ReportDirectory, "--verbose", "--log-format", "json", .. gong.FastSyncArguments]);

        Assert.True(result.ExitCode == 0, result.All);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{gong.Options.AccessKey}:{gong.Options.AccessKeySecret}"));
        var everything = result.All + string.Concat(
            Directory.EnumerateFiles(job.ReportDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("ACCOUNT", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(gong.Options.AccessKeySecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(gong.Options.AccessKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_StoppedWhileWaitingForGong_ExitsOneThirtyAndAccountsForEveryRecord()
    {
        await using var gong = await SandboxSession.StartAsync(pollsUntilDone: 1000);
        using var job = new TestJob(accounts: 10);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var result = await CliRunner.RunAsync(
            gong.Environment, stop.Token, ["sync", "--job", job.JobPath, "--report", job.ReportDirectory, .. gong.FastSyncArguments]);

        Assert.Equal(130, result.ExitCode);
        var accounts = Report.Read(job.ReportDirectory).Summary.ObjectTypes["ACCOUNT"];
        Assert.Equal(10L, accounts.Pending);
        Assert.True(accounts.Balances);
    }

    internal static void AssertStoreHolds(GongSandbox sandbox, string reportDirectory, string objectType)
    {
        var expected = Batches.Latest(reportDirectory, objectType);
        var stored = sandbox.State.Objects(objectType);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, record) in expected)
        {
            Assert.True(JsonElement.DeepEquals(record, stored[id]), $"{objectType} {id} differs in the store");
        }
    }
}
