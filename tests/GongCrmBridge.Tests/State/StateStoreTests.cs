using GongCrmBridge.Gong.Models;
using GongCrmBridge.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using static GongCrmBridge.Tests.State.StateTestKit;

namespace GongCrmBridge.Tests.State;

/// <summary>Opening a state: the file, its mode, its schema version; runs and the overview.</summary>
public sealed class StateStoreTests : IDisposable
{
    private readonly TempStateFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Open_NewFolder_CreatesAWalDatabaseAtTheLatestVersion()
    {
        // When a state is opened in a folder that does not exist yet
        using var store = _folder.Open(_clock);

        // Then the folder holds a WAL database at the latest schema version
        Assert.True(StateStore.Exists(_folder.Path));
        Assert.Equal("wal", store.Database.Read(c => StateDatabase.Scalar(c, null, "PRAGMA journal_mode")));
        Assert.Equal(StateSchema.LatestVersion, store.Overview().SchemaVersion);
    }

    [Fact]
    public void DefaultDirectory_JobFile_IsDotGongbridgeBesideIt() =>
        Assert.Equal(Path.GetFullPath(Path.Combine("jobs", "acme", ".gongbridge")), StateStore.DefaultDirectory(Path.Combine("jobs", "acme", "job.yaml")));

    [Fact]
    public void Open_SchemaNewerThanThisVersion_IsRefusedNamingBothVersions()
    {
        // Given a state written by a future gongbridge
        using (_folder.Open(_clock))
        {
        }

        SetVersion(StateSchema.LatestVersion + 5);

        // When this version opens it, Then it refuses, saying why
        var refused = Assert.Throws<StateException>(() => _folder.Open(_clock));
        Assert.Contains($"schema version {StateSchema.LatestVersion + 5}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"knows up to {StateSchema.LatestVersion}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_IsRefused()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(_folder.DatabasePath, "name,email\nAda,ada@example.com\n");
        var refused = Assert.Throws<StateException>(() => _folder.Open(_clock));
        Assert.Contains("not a gongbridge state", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_RunWithCounts_OverviewShowsItWithPendingUploadsAndTrackedObjects()
    {
        // Given a finished run and a run that died with an upload pending
        using var store = _folder.Open(_clock);
        var done = PlanUpload(store, "file-1", runId: "run-1");
        store.Uploads.MarkSent(done.ClientRequestId);
        store.Uploads.MarkFinished(done.ClientRequestId, RequestState.Done, 2, 0);
        store.Tracked.Upsert(CrmObjectType.Account, done.ClientRequestId, [AcceptedRecords.ToTracked(Account("A-1")), AcceptedRecords.ToTracked(Account("A-2"))]);
        _clock.Advance(TimeSpan.FromMinutes(5));
        store.Runs.Finish("run-1", ExitCodes.Success, 12, [new RunTypeCounts { ObjectType = "ACCOUNT", Read = 2, Accepted = 2 }]);
        _clock.Advance(TimeSpan.FromDays(1));
        var pending = PlanUpload(store, "file-2", runId: "run-2");
        store.Uploads.MarkSent(pending.ClientRequestId);
        store.Uploads.MarkPending(pending.ClientRequestId);

        // When the overview is read
        var overview = store.Overview();

        // Then it shows both runs, newest first, the pending upload and the tracked accounts
        Assert.Equal(["run-2", "run-1"], overview.LastRuns.Select(r => r.RunId));
        Assert.Null(overview.LastRuns[0].FinishedAt);
        var finished = overview.LastRuns[1];
        Assert.Equal((0, 12L, 2L), (finished.ExitCode, finished.ApiCalls, finished.Counts.Single().Accepted));
        Assert.Equal(_clock.GetUtcNow().AddDays(-1), finished.FinishedAt);
        Assert.Equal(pending.ClientRequestId, Assert.Single(overview.UnfinishedUploads).ClientRequestId);
        Assert.Equal(new TrackedCount(CrmObjectType.Account, 2), Assert.Single(overview.Tracked));
        Assert.Null(overview.LockHolder);
    }

    private void SetVersion(int version)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version}";
        command.ExecuteNonQuery();
    }

    public void Dispose() => _folder.Dispose();
}
