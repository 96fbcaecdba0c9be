using GongCrmBridge.Gong.Models;
using GongCrmBridge.State;
using Microsoft.Data.Sqlite;
using static GongCrmBridge.Tests.State.StateTestKit;

namespace GongCrmBridge.Tests.State;

/// <summary>Forward migrations: a state written by an older gongbridge opens in this one, its data kept.</summary>
public sealed class StateSchemaTests : IDisposable
{
    /// <summary>What gongbridge wrote at schema version 1, written here by hand so that a change to the code's step 1
    /// cannot hide a broken migration.</summary>
    private const string Version1 = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE runs (run_id TEXT PRIMARY KEY NOT NULL, job_path TEXT NOT NULL, mode TEXT NOT NULL, full INTEGER NOT NULL,
            started_utc TEXT NOT NULL, finished_utc TEXT, exit_code INTEGER, pid INTEGER NOT NULL, host TEXT NOT NULL,
            api_calls INTEGER, counts_json TEXT);
        CREATE TABLE uploads (id INTEGER PRIMARY KEY, client_request_id TEXT NOT NULL UNIQUE, run_id TEXT NOT NULL REFERENCES runs (run_id),
            parent_request_id TEXT, object_type TEXT NOT NULL, file_digest TEXT NOT NULL, file_path TEXT, record_count INTEGER NOT NULL,
            bytes INTEGER NOT NULL, state TEXT NOT NULL CHECK (state IN ('planned', 'sent', 'accepted', 'failed', 'pending', 'abandoned')),
            gong_status TEXT, success_count INTEGER, error_count INTEGER, planned_utc TEXT NOT NULL, sent_utc TEXT, finished_utc TEXT);
        CREATE INDEX uploads_by_content ON uploads (object_type, file_digest);
        CREATE INDEX uploads_unfinished ON uploads (state) WHERE state IN ('planned', 'sent', 'pending');
        CREATE TABLE tracked_objects (object_type TEXT NOT NULL, object_id TEXT NOT NULL, content_hash INTEGER NOT NULL,
            modified_unix_ms INTEGER, last_upload_id INTEGER NOT NULL REFERENCES uploads (id), PRIMARY KEY (object_type, object_id)) WITHOUT ROWID;
        CREATE TABLE api_calls (utc_day TEXT PRIMARY KEY NOT NULL, calls INTEGER NOT NULL);
        CREATE TABLE run_lock (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, host TEXT NOT NULL, run_id TEXT, since_utc TEXT NOT NULL);
        INSERT INTO runs VALUES ('run-v1', '/jobs/nightly.yaml', 'mirror', 0, '2024-02-28T01:00:00.000Z', '2024-02-28T01:20:00.000Z', 0, 4242, 'cron-host', 57,
            '[{"objectType":"ACCOUNT","read":2,"accepted":2}]');
        INSERT INTO uploads VALUES (1, 'ACCOUNT-0123456789abcdef0123456789abcdef', 'run-v1', NULL, 'ACCOUNT', '0123456789abcdef0123456789abcdef', NULL, 2, 400,
            'accepted', 'DONE', 2, 0, '2024-02-28T01:01:00.000Z', '2024-02-28T01:01:01.000Z', '2024-02-28T01:05:00.000Z');
        INSERT INTO uploads VALUES (2, 'CONTACT-fedcba9876543210fedcba9876543210', 'run-v1', NULL, 'CONTACT', 'fedcba9876543210fedcba9876543210', '/reports/run-v1/batches/contact/contact-0001.ldjson', 5, 900,
            'pending', NULL, NULL, NULL, '2024-02-28T01:06:00.000Z', '2024-02-28T01:06:01.000Z', NULL);
        INSERT INTO api_calls VALUES ('2024-02-28', 57);
        PRAGMA user_version = 1;
        """;

    private readonly TempStateFolder _folder = new();

    [Fact]
    public void Open_StateWrittenAtVersion1_IsMigratedKeepingRunsUploadsObjectsAndCalls()
    {
        // Given a state written by the first schema version, tracking
        Directory.CreateDirectory(_folder.Path);
        using (var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Version1 + string.Join(
                '\n',
                new[] { "A-1", "A-2" }.Select(id => $"INSERT INTO tracked_objects VALUES ('ACCOUNT', '{id}', {unchecked((long)RecordContentHash.Of(Account(id)))}, 1709110800000, 1);"));
            command.ExecuteNonQuery();
        }

        // When this version opens it
        using var store = _folder.Open();

        // Then it is at the latest version, and everything version 1 knew is still there and usable
        Assert.Equal(StateSchema.LatestVersion, store.Overview().SchemaVersion);
        Assert.True(StateSchema.LatestVersion > 1);
        var run = Assert.Single(store.Runs.Last(10));
        Assert.Equal(("run-v1", 0, 57L, 2L), (run.RunId, run.ExitCode, run.ApiCalls, run.Counts.Single().Accepted));
        var pending = Assert.Single(store.Uploads.Unfinished());
        Assert.Equal(("CONTACT-fedcba9876543210fedcba9876543210", "/reports/run-v1/batches/contact/contact-0001.ldjson"), (pending.ClientRequestId, pending.FilePath));
        Assert.Equal(57, store.Calls.UsedOn(new DateOnly(2024, 2, 28)));
        store.Tracked.RefreshIndexes();
        var index = store.Tracked.LoadIndex(CrmObjectType.Account);
        Assert.Equal(TrackedLookup.Unchanged, index.Check(ObjectKey.Of("A-2"), RecordContentHash.Of(Account("A-2", modified: "2024-03-09T00:00:00Z"))));
        Assert.Equal(TrackedLookup.New, index.Check(ObjectKey.Of("A-3"), RecordContentHash.Of(Account("A-3"))));
    }

    public void Dispose() => _folder.Dispose();
}
