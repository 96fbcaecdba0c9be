using System.Globalization;
using System.Runtime.InteropServices;
using GongCrmBridge.Gong.Models;
using Microsoft.Data.Sqlite;

namespace GongCrmBridge.State;

/// <summary>One object Gong accepted from this tool, as the state tracks it.</summary>
/// <param name="ObjectId">Its objectId.</param>
/// <param name="ContentHash">The <see cref="RecordContentHash"/> of the record Gong accepted.</param>
/// <param name="ModifiedDate">That record's modifiedDate.</param>
internal readonly record struct TrackedObject(string ObjectId, ulong ContentHash, DateTimeOffset? ModifiedDate);

/// <summary>How many objects of a type the state tracks.</summary>
/// <param name="ObjectType">The object type.</param>
/// <param name="Count">Objects Gong accepted from this tool and not deleted since.</param>
public sealed record TrackedCount(CrmObjectType ObjectType, long Count);

/// <summary>The tracked objects table: what Gong accepted from this tool, per (object type, objectId): the content
/// hash for incremental runs, and the list mirror mode deletes from.</summary>
/// <remarks>Writes commit in chunks of <see cref="RowsPerTransaction"/> rows through one prepared statement: a million
/// rows in a few seconds, and the state's other writers (the ledger, the call counter) wait one chunk at most. A crash
/// between chunks leaves some objects of an accepted upload recorded and the others not; the upload's ledger row is
/// marked accepted only after its objects are all recorded, so the next run polls it again and records the rest.</remarks>
internal sealed class TrackedObjects(StateDatabase database)
{
    /// <summary>Rows written per transaction.</summary>
    public const int RowsPerTransaction = 100_000;

    /// <summary>The layout of <c>tracked_index.entries</c>: <see cref="TrackedObjectIndex.Entry"/> (16 bytes, keys by
    /// <see cref="ObjectKey"/>), sorted by key, little-endian. A new layout or key function takes a new number: the
    /// old snapshots are then ignored and rewritten.</summary>
    private const int SnapshotFormat = 1;

    /// <summary>Records (or refreshes) objects Gong accepted in the upload <paramref name="clientRequestId"/>.</summary>
    /// <returns>The number of objects written.</returns>
    public long Upsert(CrmObjectType type, string clientRequestId, IEnumerable<TrackedObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var uploadId = database.Read(connection =>
            StateDatabase.Scalar(connection, null, "SELECT id FROM uploads WHERE client_request_id = $id", ("$id", clientRequestId)))
            ?? throw new InvalidOperationException($"Upload {clientRequestId} is not in the ledger: plan it before recording what Gong accepted from it.");
        using var source = objects.GetEnumerator();
        return InChunks(type, source, (parameters, item) =>
        {
            parameters[0].Value = item.ObjectId;
            parameters[1].Value = unchecked((long)item.ContentHash);
            parameters[2].Value = item.ModifiedDate is { } modified ? modified.ToUnixTimeMilliseconds() : DBNull.Value;
            parameters[3].Value = uploadId;
        },
        """
        INSERT INTO tracked_objects (object_type, object_id, content_hash, modified_unix_ms, last_upload_id)
        VALUES ($type, $id, $hash, $modified, $upload)
        ON CONFLICT (object_type, object_id) DO UPDATE SET
            content_hash = excluded.content_hash, modified_unix_ms = excluded.modified_unix_ms, last_upload_id = excluded.last_upload_id
        """,
        "$id", "$hash", "$modified", "$upload");
    }

    /// <summary>Forgets objects whose deletes Gong accepted.</summary>
    /// <returns>The number of objects forgotten.</returns>
    public long Remove(CrmObjectType type, IEnumerable<string> objectIds)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        using var source = objectIds.GetEnumerator();
        return InChunks(
            type,
            source,
            (parameters, id) => parameters[0].Value = id,
            "DELETE FROM tracked_objects WHERE object_type = $type AND object_id = $id",
            "$id");
    }

    /// <summary>Loads the tracked objects of <paramref name="type"/> into an index for the incremental check: from its
    /// snapshot when there is one (milliseconds for a million objects), else from the table (about a second and a half
    /// for a million: reading every row and hashing every objectId).</summary>
    public TrackedObjectIndex LoadIndex(CrmObjectType type)
    {
        using var connection = database.OpenReader();
        using var transaction = connection.BeginTransaction(deferred: true);
        return ReadSnapshot(connection, transaction, type) ?? BuildIndex(connection, transaction, type);
    }

    /// <summary>Writes the snapshot of every type whose tracked objects changed since its last one. A sync calls it
    /// once its upserts and removals are done (it holds the run lock, so nothing else writes the objects).</summary>
    public void RefreshIndexes() => database.Write((connection, transaction) =>
    {
        using var stale = StateDatabase.Command(
            connection,
            transaction,
            "SELECT DISTINCT object_type FROM tracked_objects WHERE object_type NOT IN (SELECT object_type FROM tracked_index WHERE format = $format)",
            ("$format", SnapshotFormat));
        var types = new List<CrmObjectType>();
        using (var reader = stale.ExecuteReader())
        {
            while (reader.Read())
            {
                if (CrmObjectTypes.TryParseWireName(reader.GetString(0), out var type))
                {
                    types.Add(type);
                }
            }
        }

        foreach (var type in types)
        {
            // Built in this write transaction: no other writer can change the objects between the read and the write.
            var entries = BuildIndex(connection, transaction, type).Entries;
            var bytes = MemoryMarshal.AsBytes(entries);
            StateDatabase.Execute(connection, transaction, "DELETE FROM tracked_index WHERE object_type = $type", ("$type", type.ToWireName()));
            var rowid = (long)StateDatabase.Scalar(
                connection,
                transaction,
                "INSERT INTO tracked_index (object_type, format, entry_count, entries) VALUES ($type, $format, $count, zeroblob($bytes)) RETURNING rowid",
                ("$type", type.ToWireName()),
                ("$format", SnapshotFormat),
                ("$count", entries.Length),
                ("$bytes", bytes.Length))!;
            using var blob = new SqliteBlob(connection, "tracked_index", "entries", rowid, readOnly: false);
            blob.Write(bytes);
        }
    });

    /// <summary>Returns the objectIds of <paramref name="type"/> tracked but not seen in this run's export (by
    /// <paramref name="seen"/>): what mirror mode deletes. Streams; the caller checks
    /// <c>index.Count - index.SeenCount</c> against the delete cap before it asks.</summary>
    public IEnumerable<string> NotSeen(CrmObjectType type, TrackedObjectIndex seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        using var connection = database.OpenReader();
        using var command = StateDatabase.Command(
            connection, null, "SELECT object_id FROM tracked_objects WHERE object_type = $type ORDER BY object_id", ("$type", type.ToWireName()));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var objectId = reader.GetString(0);
            if (!seen.WasSeen(ObjectKey.Of(objectId)))
            {
                yield return objectId;
            }
        }
    }

    /// <summary>Returns the content hash tracked for one object, or null (for tests and diagnostics).</summary>
    public ulong? HashOf(CrmObjectType type, string objectId) => database.Read(connection =>
        StateDatabase.Scalar(
            connection,
            null,
            "SELECT content_hash FROM tracked_objects WHERE object_type = $type AND object_id = $id",
            ("$type", type.ToWireName()),
            ("$id", objectId)) is long hash ? unchecked((ulong)hash) : (ulong?)null);

    /// <summary>Returns how many objects the state tracks per type, in dependency order.</summary>
    public IReadOnlyList<TrackedCount> CountByType() => database.Read(connection =>
    {
        using var command = StateDatabase.Command(connection, null, "SELECT object_type, count(*) FROM tracked_objects GROUP BY object_type");
        using var reader = command.ExecuteReader();
        var counts = new List<TrackedCount>();
        while (reader.Read())
        {
            if (CrmObjectTypes.TryParseWireName(reader.GetString(0), out var type))
            {
                counts.Add(new TrackedCount(type, reader.GetInt64(1)));
            }
        }

        return counts.OrderBy(c => c.ObjectType).ToList();
    });

    private static TrackedObjectIndex? ReadSnapshot(SqliteConnection connection, SqliteTransaction transaction, CrmObjectType type)
    {
        if (!BitConverter.IsLittleEndian)
        {
            return null; // the snapshot's layout is little-endian; such a machine reads the table
        }

        using var command = StateDatabase.Command(
            connection,
            transaction,
            "SELECT rowid, entry_count FROM tracked_index WHERE object_type = $type AND format = $format",
            ("$type", type.ToWireName()),
            ("$format", SnapshotFormat));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var entries = new TrackedObjectIndex.Entry[reader.GetInt32(1)];
        using var blob = new SqliteBlob(connection, "tracked_index", "entries", reader.GetInt64(0), readOnly: true);
        blob.ReadExactly(MemoryMarshal.AsBytes(entries.AsSpan()));
        return TrackedObjectIndex.FromSorted(entries);
    }

    private static TrackedObjectIndex BuildIndex(SqliteConnection connection, SqliteTransaction transaction, CrmObjectType type)
    {
        var wireType = type.ToWireName();
        var count = Convert.ToInt32(
            StateDatabase.Scalar(connection, transaction, "SELECT count(*) FROM tracked_objects WHERE object_type = $type", ("$type", wireType)),
            CultureInfo.InvariantCulture);
        var entries = new TrackedObjectIndex.Entry[count];
        using var command = StateDatabase.Command(
            connection, transaction, "SELECT object_id, content_hash FROM tracked_objects WHERE object_type = $type", ("$type", wireType));
        using var reader = command.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            entries[n++] = new TrackedObjectIndex.Entry(ObjectKey.Of(reader.GetString(0)), unchecked((ulong)reader.GetInt64(1)));
        }

        return TrackedObjectIndex.Build(entries);
    }

    /// <summary>Runs <paramref name="sql"/> once per item of <paramref name="source"/>, prepared once per chunk, one
    /// transaction per <see cref="RowsPerTransaction"/> items; returns the rows changed.</summary>
    private long InChunks<T>(
        CrmObjectType type, IEnumerator<T> source, Action<SqliteParameter[], T> bind, string sql, params ReadOnlySpan<string> parameterNames)
    {
        var names = parameterNames.ToArray();
        var changed = 0L;
        var more = true;
        while (more)
        {
            changed += database.Write((connection, transaction) =>
            {
                // The type's snapshot no longer matches its objects: gone in the same transaction as the change.
                StateDatabase.Execute(connection, transaction, "DELETE FROM tracked_index WHERE object_type = $type", ("$type", type.ToWireName()));
                using var command = StateDatabase.Command(connection, transaction, sql, ("$type", type.ToWireName()));
                var parameters = names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
                command.Prepare();
                var rows = 0;
                var chunkChanged = 0;
                while (rows < RowsPerTransaction && (more = source.MoveNext()))
                {
                    bind(parameters, source.Current);
                    chunkChanged += command.ExecuteNonQuery();
                    rows++;
                }

                return chunkChanged;
            });
        }

        return changed;
    }
}
