using System.Text.Json;
using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Sandbox;
using GongCrmBridge.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Cli.Tests;

/// <summary><c>verify</c>, <c>users check</c> and <c>privacy purge-email --job</c>: the commands that compare a job with
/// what Gong holds, through the real CLI against the emulator over loopback HTTP.</summary>
public sealed class ReadBackCommandsTests
{
    [Fact]
    public async Task Verify_AfterACleanSync_EveryObjectMatchesAndExitsZero()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 250);
        Assert.Equal(0, (await gong.SyncAsync(job.JobPath, job.ReportDirectory)).ExitCode);

        var result = await gong.ApiAsync("verify", "--job", job.JobPath, "--sample", "40", "--report", job.ReportDirectory + "-verify", "--json");

        Assert.True(result.ExitCode == 0, result.All);
        var accounts = result.Json().GetProperty("types")[0];
        Assert.Equal(("ACCOUNT", 250, 40, 40, 0, 0), (
            accounts.GetProperty("objectType").GetString(), accounts.GetProperty("inExport").GetInt32(), accounts.GetProperty("checked").GetInt32(),
            accounts.GetProperty("matching").GetInt32(), accounts.GetProperty("differing").GetInt32(), accounts.GetProperty("missing").GetInt32()));
        Assert.True(File.Exists(Path.Combine(job.ReportDirectory + "-verify", "verify.json")));
    }

    [Fact]
    public async Task Verify_ADifferencePlantedInGong_IsReportedWithItsFieldAndExitsThree()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 10);
        Assert.Equal(0, (await gong.SyncAsync(job.JobPath, job.ReportDirectory)).ExitCode);

        // Someone else's upload changes ACC-4's name in Gong and deletes ACC-9.
        await UploadAsync(gong, CrmObjectType.Account, """
            {"objectId":"ACC-4","modifiedDate":"2024-03-02T08:00:00Z","name":"Renamed elsewhere","tier":"Silver","score":4}
            {"objectId":"ACC-9","modifiedDate":"2024-03-02T08:00:00Z","isDeleted":true}
            """);

        var report = job.ReportDirectory + "-verify";
        var result = await gong.ApiAsync("verify", "--job", job.JobPath, "--report", report);

        Assert.True(result.ExitCode == 3, result.All);
        Assert.Contains("ACC-4", result.Out, StringComparison.Ordinal);
        using var verify = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "verify.json")));
        var accounts = verify.RootElement.GetProperty("types")[0];
        var difference = Assert.Single(accounts.GetProperty("differences").EnumerateArray());
        Assert.Equal(("ACC-4", "name", "\"Account 4\"", "\"Renamed elsewhere\""), (
            difference.GetProperty("objectId").GetString(), difference.GetProperty("field").GetString(),
            difference.GetProperty("expected").GetString(), difference.GetProperty("actual").GetString()));
        Assert.Equal(["ACC-9"], accounts.GetProperty("missingObjectIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((10, 8, 1, 1), (
            accounts.GetProperty("checked").GetInt32(), accounts.GetProperty("matching").GetInt32(),
            accounts.GetProperty("differing").GetInt32(), accounts.GetProperty("missing").GetInt32()));
    }

    [Fact]
    public async Task Verify_WithAState_ComparesOnlyWhatTheStateSaysGongAccepted()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 12);
        Assert.Equal(0, (await gong.SyncAsync(job.JobPath, job.ReportDirectory)).ExitCode);
        var state = job.ReportDirectory + "-state";
        await RecordAcceptedAsync(state, Path.Combine(job.ReportDirectory, "batches", "account"));

        // After the sync the export changes ACC-3 (not synced yet), and someone else changes ACC-5 in Gong.
        await File.WriteAllTextAsync(job.CsvPath, (await File.ReadAllTextAsync(job.CsvPath)).Replace("ACC-3,Account 3,", "ACC-3,Account 3 (renamed in the CRM),", StringComparison.Ordinal));
        await UploadAsync(gong, CrmObjectType.Account, """{"objectId":"ACC-5","modifiedDate":"2024-03-02T08:00:00Z","name":"Changed in Gong","tier":"Silver","score":5}""");

        var result = await gong.ApiAsync("verify", "--job", job.JobPath, "--state", state, "--report", job.ReportDirectory + "-verify", "--json");

        Assert.True(result.ExitCode == 3, result.All);
        using var output = JsonDocument.Parse(result.Out);
        Assert.Equal("state", output.RootElement.GetProperty("comparedWith").GetString());
        var accounts = output.RootElement.GetProperty("types")[0];
        Assert.Equal((11, 10, 1, 1), (
            accounts.GetProperty("checked").GetInt32(), accounts.GetProperty("matching").GetInt32(),
            accounts.GetProperty("differing").GetInt32(), accounts.GetProperty("notSynced").GetInt32()));
        Assert.Equal("ACC-5", accounts.GetProperty("differences")[0].GetProperty("objectId").GetString());
    }

    [Fact]
    public async Task UsersCheck_ReadsEveryPageOfGongUsers_AndNamesTheUnknownWithTheDealsTheyOwn()
    {
        // Three users a page: the seeded users span four pages, and kai.tanaka is on the last.
        await using var gong = await SandboxSession.StartAsync(pageSize: 3);
        using var directory = new TempDirectory();
        var jobPath = WriteUsersAndDealsJob(directory);

        var result = await gong.ApiAsync("users", "check", "--job", jobPath, "--json");

        Assert.True(result.ExitCode == 3, result.All);
        using var output = JsonDocument.Parse(result.Out);
        Assert.Equal(4, output.RootElement.GetProperty("businessUsers").GetInt32());
        Assert.Equal(SandboxSeed.Users.Count(u => !u.IsAvatar), output.RootElement.GetProperty("gongUsers").GetInt32());
        var unknown = Assert.Single(output.RootElement.GetProperty("unknown").EnumerateArray());
        Assert.Equal(("U-GHOST", "ghost@elsewhere.example", 2L), (
            unknown.GetProperty("objectId").GetString(), unknown.GetProperty("emailAddress").GetString(), unknown.GetProperty("ownedDeals").GetInt64()));
        Assert.True(gong.Sandbox.State.CallCount(SandboxRoute.ListUsers) >= 4, "every page of users is read");
    }

    [Fact]
    public async Task UsersCheck_EveryUserKnownByAddressOrAlias_ExitsZero()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var directory = new TempDirectory();
        var jobPath = WriteUsersAndDealsJob(directory, withGhost: false);

        var result = await gong.ApiAsync("users", "check", "--job", jobPath);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("All 3 business users are Gong users", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncCheckUsers_ABusinessUserGongDoesNotKnow_RaisesTheWarningAndStillSends()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var directory = new TempDirectory();
        var jobPath = WriteUsersAndDealsJob(directory);

        var result = await gong.SyncAsync(jobPath, directory.File("report"), "--check-users");

        Assert.True(result.ExitCode == 0, result.All);
        var warning = Assert.Single(Report.Read(directory.File("report")).Summary.Warnings, w => w.Code == "unknown-gong-user");
        Assert.Equal(("BUSINESS_USER", 1L), (warning.ObjectType, warning.Count));
        Assert.Contains("2 deal(s)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(4, gong.Sandbox.State.Objects("BUSINESS_USER").Count);
    }

    [Fact]
    public async Task Sync_WithoutCheckUsers_NeverReadsGongUsers()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var directory = new TempDirectory();
        var jobPath = WriteUsersAndDealsJob(directory);

        var result = await gong.SyncAsync(jobPath, directory.File("report"));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.DoesNotContain(Report.Read(directory.File("report")).Summary.Warnings, w => w.Code == "unknown-gong-user");
        Assert.Equal(0, gong.Sandbox.State.CallCount(SandboxRoute.ListUsers));
    }

    [Fact]
    public async Task PurgeEmail_WithTheJob_DeletesTheContactsHoldingTheAddressBeforeTheErase()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var directory = new TempDirectory();
        var jobPath = WriteContactsJob(directory);
        Assert.Equal(0, (await gong.SyncAsync(jobPath, directory.File("report"))).ExitCode);
        Assert.Equal(3, gong.Sandbox.State.Objects("CONTACT").Count);

        var result = await gong.ApiAsync("privacy", "purge-email", "--email", "Pat.Lee@Contoso.example", "--job", jobPath, "--yes");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("1 CONTACT (C-2)", result.Out, StringComparison.Ordinal);
        var upload = Assert.Single(gong.Sandbox.State.Uploads, u => u.ClientRequestId.StartsWith("PURGE-CONTACT-", StringComparison.Ordinal));
        Assert.Equal(1, upload.RecordCount);
        Assert.Equal(1, gong.Sandbox.State.CallCount(SandboxRoute.EraseEmail));
        Assert.DoesNotContain("C-2", gong.Sandbox.State.Objects("CONTACT").Keys);
    }

    [Fact]
    public async Task PurgeEmail_WithADryRun_NeitherDeletesNorErases()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var directory = new TempDirectory();
        var jobPath = WriteContactsJob(directory);
        Assert.Equal(0, (await gong.SyncAsync(jobPath, directory.File("report"))).ExitCode);
        var uploads = gong.Sandbox.State.UploadCount;

        var result = await gong.ApiAsync("privacy", "purge-email", "--email", "pat.lee@contoso.example", "--job", jobPath, "--dry-run");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(uploads, gong.Sandbox.State.UploadCount);
        Assert.Equal(0, gong.Sandbox.State.CallCount(SandboxRoute.EraseEmail));
        Assert.Equal(3, gong.Sandbox.State.Objects("CONTACT").Count);
    }

    /// <summary>Writes into a state what a sync with one does: every line of the uploaded files accepted by Gong.</summary>
    private static async Task RecordAcceptedAsync(string stateDirectory, string batchFolder)
    {
        using var store = StateStore.Open(stateDirectory);
        store.Runs.Start(new RunStart("run-1", "job.yaml", "upsert", Full: false));
        foreach (var file in Directory.GetFiles(batchFolder, "*.ldjson"))
        {
            var digest = await FileDigest.OfFileAsync(file, CancellationToken.None);
            var lines = (await File.ReadAllLinesAsync(file)).Length;
            var upload = store.Uploads.Plan("run-1", CrmObjectType.Account, digest, lines, new FileInfo(file).Length, file);
            store.Uploads.MarkSent(upload.ClientRequestId);
            store.Uploads.MarkFinished(upload.ClientRequestId, RequestState.Done, lines, 0);
            store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, AcceptedRecords.Read(file, new HashSet<int>()));
        }
    }

    private static async Task UploadAsync(SandboxSession gong, CrmObjectType type, string ldjson)
    {
        using var directory = new TempDirectory();
        var path = directory.File("planted.ldjson");
        await File.WriteAllTextAsync(path, ldjson.ReplaceLineEndings("\n") + "\n");
        using var client = new GongCrmClient(
            new GongClientOptions { BaseUrl = gong.Sandbox.BaseUrl, Credentials = GongCredentials.Basic(gong.Options.AccessKey, gong.Options.AccessKeySecret), RequestsPerSecond = 100 },
            NullLogger<GongCrmClient>.Instance);
        var integration = (await client.ListIntegrationsAsync()).Single();
        await client.UploadEntitiesAsync(integration.IntegrationId, type, "planted-1", path);
        RequestStatus status;
        do
        {
            status = await client.GetRequestStatusAsync(integration.IntegrationId, "planted-1");
        }
        while (!status.IsFinal);
        Assert.Equal(RequestState.Done, status.Status);
    }

    private static string WriteUsersAndDealsJob(TempDirectory directory, bool withGhost = true)
    {
        File.WriteAllText(directory.File("users.csv"), "Id,Email\nU-ANA,Ana.Silva@sandbox.example\nU-BEN,ben@sandbox.example\nU-KAI,kai.tanaka@sandbox.example\n" +
            (withGhost ? "U-GHOST,ghost@elsewhere.example\n" : string.Empty));
        File.WriteAllText(directory.File("deals.csv"), "Id,Name,Owner,Account\nD-1,One,U-GHOST,A-1\nD-2,Two,U-ANA,A-1\nD-3,Three,U-GHOST,A-1\n");
        File.WriteAllText(directory.File("user.yaml"), """
            objectType: BUSINESS_USER
            objectId: Id
            modifiedDate: { value: "2024-03-01T08:00:00Z" }
            fields:
              emailAddress: Email
            """);
        File.WriteAllText(directory.File("deal.yaml"), """
            objectType: DEAL
            objectId: Id
            modifiedDate: { value: "2024-03-01T08:00:00Z" }
            fields:
              name: Name
              ownerId: Owner
              accountId: Account
            """);
        File.WriteAllText(directory.File("job.yaml"), """
            integration: { name: Test CRM, ownerEmail: revops@test.example }
            objects:
              - { type: BUSINESS_USER, source: { path: users.csv }, mapping: user.yaml }
              - { type: DEAL, source: { path: deals.csv }, mapping: deal.yaml }
            """);
        return directory.File("job.yaml");
    }

    private static string WriteContactsJob(TempDirectory directory)
    {
        File.WriteAllText(directory.File("contacts.csv"), "Id,Email\nC-1,sam.wu@contoso.example\nC-2,pat.lee@contoso.example\nC-3,lena.novak@fabrikam.example\n");
        File.WriteAllText(directory.File("contact.yaml"), """
            objectType: CONTACT
            objectId: Id
            modifiedDate: { value: "2024-03-01T08:00:00Z" }
            fields:
              emailAddress: Email
            """);
        File.WriteAllText(directory.File("job.yaml"), """
            integration: { name: Test CRM, ownerEmail: revops@test.example }
            objects:
              - { type: CONTACT, source: { path: contacts.csv }, mapping: contact.yaml }
            """);
        return directory.File("job.yaml");
    }
}
