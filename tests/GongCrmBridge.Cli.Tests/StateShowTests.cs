using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.State;
using Microsoft.Data.Sqlite;

namespace GongCrmBridge.Cli.Tests;

/// <summary><c>gongbridge state show</c> over a real state database, written through the state's own API.</summary>
public sealed class StateShowTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string StatePath => _directory.File("state");

    [Fact]
    public async Task StateShow_NoStateYet_SaysSoWithoutCreatingOne()
    {
        var text = await CliRunner.RunAsync(null, "state", "show", "--state", StatePath);
        var json = (await CliRunner.RunAsync(null, "state", "show", "--state", StatePath, "--json")).Json();

        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains("No state in", text.Out, StringComparison.Ordinal);
        Assert.False(json.GetProperty("exists").GetBoolean());
        Assert.False(Directory.Exists(StatePath));
    }

    [Fact]
    public async Task StateShow_StateOfSeveralRuns_ShowsRunsUnfinishedUploadsTrackedObjectsAndTodaysCalls()
    {
        // Given a finished run with 2 accounts accepted, then a run that died with a contacts upload pending
        var pending = WriteTwoRuns(StatePath);

        // When the state is shown, as text and as JSON
        var text = await CliRunner.RunAsync(null, "state", "show", "--state", StatePath);
        var json = (await CliRunner.RunAsync(null, "state", "show", "--state", StatePath, "--json")).Json();

        // Then both show the runs newest first with their exit codes, the pending upload, the tracked objects, today's calls
        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains("run-2", text.Out, StringComparison.Ordinal);
        Assert.Contains("not finished", text.Out, StringComparison.Ordinal);
        Assert.Contains(pending, text.Out, StringComparison.Ordinal);
        Assert.Contains("pending", text.Out, StringComparison.Ordinal);
        Assert.Matches(@"ACCOUNT\s*│\s*2\s*│", text.Out);
        Assert.Contains("Gong calls today", text.Out, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(StatePath), json.GetProperty("directory").GetString());
        Assert.Equal(StateSchema.LatestVersion, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(7, json.GetProperty("callsToday").GetInt64());
        var runs = json.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["run-2", "run-1"], runs.Select(r => r.GetProperty("runId").GetString()));
        Assert.Equal(3, runs[1].GetProperty("exitCode").GetInt32());
        Assert.Equal(2, runs[1].GetProperty("counts")[0].GetProperty("accepted").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, runs[0].GetProperty("finishedAt").ValueKind);
        var upload = Assert.Single(json.GetProperty("unfinishedUploads").EnumerateArray());
        Assert.Equal((pending, "CONTACT", "pending"), (upload.GetProperty("clientRequestId").GetString(), upload.GetProperty("objectType").GetString(), upload.GetProperty("state").GetString()));
        var tracked = Assert.Single(json.GetProperty("tracked").EnumerateArray());
        Assert.Equal(("ACCOUNT", 2L), (tracked.GetProperty("objectType").GetString(), tracked.GetProperty("count").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("lock").ValueKind);
    }

    [Fact]
    public async Task StateShow_JobOption_ReadsTheStateBesideTheJob()
    {
        // Given a job whose default state folder holds a run
        using var job = new TestJob(accounts: 1);
        WriteTwoRuns(StateStore.DefaultDirectory(job.JobPath));

        // When the state is shown by job
        var json = (await CliRunner.RunAsync(null, "state", "show", "--job", job.JobPath, "--json")).Json();

        // Then it is the .gongbridge folder beside the job
        Assert.Equal(Path.Combine(Path.GetDirectoryName(job.JobPath)!, ".gongbridge"), json.GetProperty("directory").GetString());
        Assert.Equal(2, json.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task StateShow_NeitherStateNorJob_Exits2()
    {
        var result = await CliRunner.RunAsync(null, "state", "show");
        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("--state DIR or --job", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateShow_StateOfANewerVersion_Exits2SayingSo()
    {
        // Given a state written by a future gongbridge
        WriteTwoRuns(StatePath);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(StatePath, StateStore.DatabaseFileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            await command.ExecuteNonQueryAsync();
        }

        // When it is shown, Then the tool refuses with the versions
        var result = await CliRunner.RunAsync(null, "state", "show", "--state", StatePath);
        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("newer gongbridge (schema version 99", result.All, StringComparison.Ordinal);
    }

    /// <summary>Writes two runs through the state's API; returns the clientRequestId left pending.</summary>
    private static string WriteTwoRuns(string directory)
    {
        using var store = StateStore.Open(directory);
        store.Runs.Start(new RunStart("run-1", "/jobs/nightly.yaml", "upsert", Full: false));
        var accounts = store.Uploads.Plan("run-1", CrmObjectType.Account, FileDigest.Of("accounts"u8), 2, 400);
        store.Uploads.MarkSent(accounts.ClientRequestId);
        store.Uploads.MarkFinished(accounts.ClientRequestId, RequestState.Done, 2, 0);
        store.Tracked.Upsert(
            CrmObjectType.Account,
            accounts.ClientRequestId,
            [AcceptedRecords.ToTracked("""{"objectId":"A-1","modifiedDate":"2024-03-01T10:00:00Z"}"""u8), AcceptedRecords.ToTracked("""{"objectId":"A-2","modifiedDate":"2024-03-01T10:00:00Z"}"""u8)]);
        store.Runs.Finish("run-1", ExitCodes.Rejected, 5, [new RunTypeCounts { ObjectType = "ACCOUNT", Read = 3, Accepted = 2, Rejected = 1 }]);
        store.Runs.Start(new RunStart("run-2", "/jobs/nightly.yaml", "upsert", Full: false));
        var contacts = store.Uploads.Plan("run-2", CrmObjectType.Contact, FileDigest.Of("contacts"u8), 4, 800);
        store.Uploads.MarkSent(contacts.ClientRequestId);
        store.Uploads.MarkPending(contacts.ClientRequestId);
        for (var i = 0; i < 7; i++)
        {
            store.Calls.Count();
        }

        return contacts.ClientRequestId;
    }

    public void Dispose() => _directory.Dispose();
}
