using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GongCrmBridge.State;

/// <summary>The state database's tables, versioned by <c>PRAGMA user_version</c>, with forward migrations.</summary>
/// <remarks>
/// A state written by an older gongbridge opens in a newer one: <see cref="Migrate"/> runs the missing steps in one
/// transaction, so a crash mid-migration leaves the older version whole. A state written by a newer gongbridge is
/// refused (its tables may mean things this version does not know). Steps are only ever appended: a released step
/// never changes. Nothing here holds record content or credentials: ids, content hashes, counts and outcomes.
/// </remarks>
internal static class StateSchema
{
    /// <summary>The steps; step <c>i</c> takes version <c>i</c> to <c>i + 1</c>.</summary>
    private static readonly string[] Steps =
    [
        // 1: runs, the upload ledger, tracked objects, calls per UTC day, the lock holder.
        """
        CREATE TABLE runs (
            run_id        TEXT PRIMARY KEY NOT NULL,
            job_path      TEXT NOT NULL,
            mode          TEXT NOT NULL,              -- upsert | mirror
            full          INTEGER NOT NULL,           -- 1 for sync --full
            started_utc   TEXT NOT NULL,
            finished_utc  TEXT,                       -- NULL: running, or ended without finishing (crash, kill)
            exit_code     INTEGER,
            pid           INTEGER NOT NULL,
            host          TEXT NOT NULL,
            api_calls     INTEGER,
            counts_json   TEXT                        -- per object type: read, accepted, rejected, unchanged, ...
        );
        CREATE TABLE uploads (
            id                 INTEGER PRIMARY KEY,   -- plan order
            client_request_id  TEXT NOT NULL UNIQUE,
            run_id             TEXT NOT NULL REFERENCES runs (run_id),
            parent_request_id  TEXT,                  -- the first upload of the file, for Gong's error re-upload rounds
            object_type        TEXT NOT NULL,
            file_digest        TEXT NOT NULL,         -- XxHash128 of the LDJSON file's bytes
            file_path          TEXT,                  -- where the file is (a run's batches folder), for a resumed run to read back
            record_count       INTEGER NOT NULL,
            bytes              INTEGER NOT NULL,
            state              TEXT NOT NULL CHECK (state IN ('planned', 'sent', 'accepted', 'failed', 'pending', 'abandoned')),
            gong_status        TEXT,
            success_count      INTEGER,
            error_count        INTEGER,
            planned_utc        TEXT NOT NULL,
            sent_utc           TEXT,
            finished_utc       TEXT
        );
        CREATE INDEX uploads_by_content ON uploads (object_type, file_digest);
        CREATE INDEX uploads_unfinished ON uploads (state) WHERE state IN ('planned', 'sent', 'pending');
        CREATE TABLE tracked_objects (
            object_type       TEXT NOT NULL,
            object_id         TEXT NOT NULL,
            content_hash      INTEGER NOT NULL,       -- RecordContentHash of the record as Gong last accepted it
            modified_unix_ms  INTEGER,                -- its modifiedDate
            last_upload_id    INTEGER NOT NULL REFERENCES uploads (id),
            PRIMARY KEY (object_type, object_id)
        ) WITHOUT ROWID;
        CREATE TABLE api_calls (
            utc_day  TEXT PRIMARY KEY NOT NULL,        -- yyyy-MM-dd
            calls    INTEGER NOT NULL
        );
        CREATE TABLE run_lock (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            pid        INTEGER NOT NULL,
            host       TEXT NOT NULL,
            run_id     TEXT,
            since_utc  TEXT NOT NULL
        );
        """,

        // 2: a snapshot of each type's TrackedObjectIndex, so that a run loads a million tracked objects in milliseconds
        // instead of reading and hashing a million rows (1.5 s). Any change to a type's tracked objects deletes its
        // snapshot; a sync writes it again at its end.
        """
        CREATE TABLE tracked_index (
            object_type  TEXT PRIMARY KEY NOT NULL,
            format       INTEGER NOT NULL,            -- 1: 16-byte (objectId key, content hash) entries sorted by key, little-endian
            entry_count  INTEGER NOT NULL,
            entries      BLOB NOT NULL
        );
        """,
    ];

    /// <summary>Gets the version this gongbridge writes.</summary>
    public static int LatestVersion => Steps.Length;

    /// <summary>Brings the database up to <see cref="LatestVersion"/>.</summary>
    /// <exception cref="StateException">A newer gongbridge wrote the database, or it is not a state database.</exception>
    public static void Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = VersionOf(connection, transaction);
        if (version > LatestVersion)
        {
            throw new StateException(string.Create(
                CultureInfo.InvariantCulture,
                $"The state {path} was written by a newer gongbridge (schema version {version}; this one knows up to {LatestVersion}). Use that version, or another --state folder."));
        }

        if (version == 0 && Convert.ToInt64(StateDatabase.Scalar(connection, transaction, "SELECT count(*) FROM sqlite_master"), CultureInfo.InvariantCulture) > 0)
        {
            throw new StateException($"{path} is an SQLite database but not a gongbridge state; choose another --state folder.");
        }

        for (var step = version; step < LatestVersion; step++)
        {
            StateDatabase.Execute(connection, transaction, Steps[step]);
        }

        if (version < LatestVersion)
        {
            StateDatabase.Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {LatestVersion}"));
        }

        transaction.Commit();
    }

    /// <summary>Returns the database's schema version (0 for a new file).</summary>
    public static int VersionOf(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Convert.ToInt32(StateDatabase.Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);
}
