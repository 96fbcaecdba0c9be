using System.Globalization;
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
    public const int RowsPerTransaction = 20_000;

    /// <summary>Records (or refreshes) objects Gong accepted in the upload <paramref name="clientRequestId"/>.</summary>
    /// <returns>The number of objects written.</returns>
    public long Upsert(CrmObjectType type, string clientRequestId, IEnumerable<TrackedObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var uploadId = database.Read(connection =>
            StateDatabase.Scalar(connection, null, "SELECT id FROM uploads WHERE client_request_id = $id", ("$id", clientRequestId)))
            ?? throw new InvalidOperationException($"Upload {clientRequestId} is not in the ledger: plan it before recording what Gong accepted from it.");
        using var source = objects.GetEnumerator();
        return InChunks(type, source, (command, item) =>
        {
            command.Parameters["$id"].Value = item.ObjectId;
            command.Parameters["$hash"].Value = unchecked((long)item.ContentHash);
            command.Parameters["$modified"].Value = item.ModifiedDate is { } modified ? modified.ToUnixTimeMilliseconds() : DBNull.Value;
            command.Parameters["$upload"].Value = uploadId;
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
            (command, id) => command.Parameters["$id"].Value = id,
            "DELETE FROM tracked_objects WHERE object_type = $type AND object_id = $id",
            "$id");
    }

    /// <summary>Loads the tracked objects of <paramref name="type"/> into an index for the incremental check.</summary>
    public TrackedObjectIndex LoadIndex(CrmObjectType type)
    {
        var wireType = type.ToWireName();
        using var connection = database.OpenReader();
        using var transaction = connection.BeginTransaction(deferred: true);
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

    /// <summary>Runs <paramref name="sql"/> once per item of <paramref name="source"/>, prepared once per chunk, one
    /// transaction per <see cref="RowsPerTransaction"/> items; returns the rows changed.</summary>
    private long InChunks<T>(
        CrmObjectType type, IEnumerator<T> source, Action<SqliteCommand, T> bind, string sql, params ReadOnlySpan<string> parameterNames)
    {
        var names = parameterNames.ToArray();
        var changed = 0L;
        var more = true;
        while (more)
        {
            changed += database.Write((connection, transaction) =>
            {
                using var command = StateDatabase.Command(connection, transaction, sql, ("$type", type.ToWireName()));
                foreach (var name in names)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                command.Prepare();
                var rows = 0;
                var chunkChanged = 0;
                while (rows < RowsPerTransaction && (more = source.MoveNext()))
                {
                    bind(command, source.Current);
                    chunkChanged += command.ExecuteNonQuery();
                    rows++;
                }

                return chunkChanged;
            });
        }

        return changed;
    }
}
