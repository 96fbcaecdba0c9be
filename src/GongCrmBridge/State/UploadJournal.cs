using System.Globalization;
using GongCrmBridge.Gong.Models;
using Microsoft.Data.Sqlite;

namespace GongCrmBridge.State;

/// <summary>Where an upload stands in the ledger.</summary>
public enum UploadState
{
    /// <summary>Its row is committed; the upload call may or may not have reached Gong (a crash in between).</summary>
    Planned,

    /// <summary>Gong has it (201, or 409 for an id it already has); its status is not final yet.</summary>
    Sent,

    /// <summary>Gong processed it (DONE); its records are accepted except those Gong named as errors.</summary>
    Accepted,

    /// <summary>Gong FAILED it, or refused the upload call for good.</summary>
    Failed,

    /// <summary>The run ended before Gong's status was final (an outage, a stop); the next run polls it.</summary>
    Pending,

    /// <summary>Planned but never sent, and no longer wanted: the export changed before a run could send it.</summary>
    Abandoned,
}

/// <summary>One upload in the ledger.</summary>
/// <param name="ClientRequestId">The id it is (or will be) sent with.</param>
/// <param name="RunId">The run that planned it, or the last run that took it over.</param>
/// <param name="ParentRequestId">For Gong's error re-upload rounds: the first upload of the file.</param>
/// <param name="ObjectType">Its object type.</param>
/// <param name="FileDigest">The LDJSON file's digest (<see cref="State.FileDigest"/>).</param>
/// <param name="RecordCount">Records in the file.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="State">Where it stands.</param>
/// <param name="GongStatus">Gong's final status name (<c>DONE</c>, <c>FAILED</c>), when known.</param>
/// <param name="SuccessCount">Gong's <c>totalSuccessCount</c>, when known.</param>
/// <param name="ErrorCount">Gong's <c>totalErrorCount</c>, when known.</param>
/// <param name="PlannedAt">When its row was written.</param>
/// <param name="SentAt">When Gong took it.</param>
/// <param name="FinishedAt">When it ended (accepted, failed, abandoned).</param>
/// <param name="FilePath">Where the LDJSON file was when it was planned (a run's batches folder; kept by a run that
/// failed or stopped), for a resumed run to read back what Gong accepted.</param>
public sealed record UploadRecord(
    string ClientRequestId,
    string RunId,
    string? ParentRequestId,
    CrmObjectType ObjectType,
    string FileDigest,
    int RecordCount,
    long Bytes,
    UploadState State,
    string? GongStatus,
    int? SuccessCount,
    int? ErrorCount,
    DateTimeOffset PlannedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? FinishedAt,
    string? FilePath)
{
    /// <summary>Gets a value indicating whether the upload still needs a run's attention (planned, sent, pending).</summary>
    public bool IsUnfinished => State is UploadState.Planned or UploadState.Sent or UploadState.Pending;
}

/// <summary>The upload ledger (SPEC.md, "Upload ledger"): every upload's row is committed before its call is made,
/// and follows it to its end.</summary>
/// <remarks>
/// <para>A clientRequestId is derived from the file's content: <c>TYPE-digest</c>, where digest is the file's
/// XxHash128. A file rebuilt with the same content by a resumed run finds its unfinished row and is sent (or polled)
/// under the same id, so Gong's 409 tells the run that Gong already has it. The same content sent again after its
/// upload ended (an export rolled back to yesterday's, byte for byte) is a new upload: it gets <c>-2</c>,
/// <c>-3</c>... so that Gong does not answer 409 for a request it finished long ago.</para>
/// <para>This supersedes <c>Upload/UploadRequestIds</c> (<c>runId-TYPE-001</c>), which changes with every run and
/// so cannot tell a resumed upload from a new one.</para>
/// </remarks>
internal sealed class UploadJournal(StateDatabase database, TimeProvider clock)
{
    private const string Columns =
        "client_request_id, run_id, parent_request_id, object_type, file_digest, record_count, bytes, state, gong_status, " +
        "success_count, error_count, planned_utc, sent_utc, finished_utc, file_path";

    /// <summary>Commits the row of an upload about to be made and returns it: a new row (<see cref="UploadState.Planned"/>),
    /// or the unfinished row of the same content, taken over by <paramref name="runId"/> (its state says whether to send
    /// it or to poll it).</summary>
    /// <param name="runId">The run making the upload.</param>
    /// <param name="type">The file's object type.</param>
    /// <param name="fileDigest">The file's digest (<see cref="FileDigest"/>).</param>
    /// <param name="recordCount">Records in the file.</param>
    /// <param name="bytes">The file's size.</param>
    /// <param name="filePath">Where the file is, for a resumed run to read back (a path, never content).</param>
    /// <param name="parentRequestId">For an error re-upload round: the file's first upload.</param>
    public UploadRecord Plan(
        string runId, CrmObjectType type, string fileDigest, int recordCount, long bytes, string? filePath = null, string? parentRequestId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileDigest);
        var wireType = type.ToWireName();
        return database.Write((connection, transaction) =>
        {
            var sameContent = Query(
                connection,
                transaction,
                $"SELECT {Columns} FROM uploads WHERE object_type = $type AND file_digest = $digest ORDER BY id",
                ("$type", wireType),
                ("$digest", fileDigest));
            if (sameContent.FirstOrDefault(u => u.IsUnfinished) is { } unfinished)
            {
                // The same bytes, rebuilt by this run: its copy is the one this run keeps if it stops.
                StateDatabase.Execute(
                    connection,
                    transaction,
                    "UPDATE uploads SET run_id = $run, file_path = coalesce($path, file_path) WHERE client_request_id = $id",
                    ("$run", runId),
                    ("$path", filePath),
                    ("$id", unfinished.ClientRequestId));
                return unfinished with { RunId = runId, FilePath = filePath ?? unfinished.FilePath };
            }

            var id = wireType + "-" + fileDigest;
            for (var n = sameContent.Count + 1; sameContent.Any(u => u.ClientRequestId == id); n++)
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{wireType}-{fileDigest}-{n}");
            }

            var now = clock.GetUtcNow();
            StateDatabase.Execute(
                connection,
                transaction,
                "INSERT INTO uploads (client_request_id, run_id, parent_request_id, object_type, file_digest, file_path, record_count, bytes, state, planned_utc) " +
                "VALUES ($id, $run, $parent, $type, $digest, $path, $records, $bytes, 'planned', $now)",
                ("$id", id),
                ("$run", runId),
                ("$parent", parentRequestId),
                ("$type", wireType),
                ("$digest", fileDigest),
                ("$path", filePath),
                ("$records", recordCount),
                ("$bytes", bytes),
                ("$now", StateDatabase.Timestamp(now)));
            return new UploadRecord(id, runId, parentRequestId, type, fileDigest, recordCount, bytes, UploadState.Planned, null, null, null, now, null, null, filePath);
        });
    }

    /// <summary>Gong has the upload (its 201, or a 409 for this id).</summary>
    public void MarkSent(string clientRequestId) => Update(
        clientRequestId,
        "state = 'sent', sent_utc = coalesce(sent_utc, $now)",
        "state IN ('planned', 'sent', 'pending')");

    /// <summary>Gong's status is final: <c>DONE</c> (accepted) or <c>FAILED</c>, with its counts.</summary>
    public void MarkFinished(string clientRequestId, RequestState status, int? successCount, int? errorCount)
    {
        var (state, wireStatus) = status switch
        {
            RequestState.Done => ("accepted", "DONE"),
            RequestState.Failed => ("failed", "FAILED"),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only DONE and FAILED are final."),
        };
        Update(
            clientRequestId,
            "state = $state, gong_status = $status, success_count = $successes, error_count = $errors, finished_utc = $now, sent_utc = coalesce(sent_utc, $now)",
            "state <> 'abandoned'",
            ("$state", state),
            ("$status", wireStatus),
            ("$successes", successCount),
            ("$errors", errorCount));
    }

    /// <summary>Gong refused the upload call for good (a 4xx other than 409 and 429): it never took the file.</summary>
    public void MarkRefused(string clientRequestId) =>
        Update(clientRequestId, "state = 'failed', finished_utc = $now", "state IN ('planned', 'sent', 'pending')");

    /// <summary>The run ends before Gong's status is final; the next run polls it.</summary>
    public void MarkPending(string clientRequestId) => Update(clientRequestId, "state = 'pending'", "state IN ('sent', 'pending')");

    /// <summary>A planned upload Gong never got, no longer wanted (its content is not in this run's files).</summary>
    public void MarkAbandoned(string clientRequestId) =>
        Update(clientRequestId, "state = 'abandoned', finished_utc = $now", "state = 'planned'");

    /// <summary>Returns the upload sent as <paramref name="clientRequestId"/>, or null.</summary>
    public UploadRecord? Find(string clientRequestId) => database.Read(connection =>
        Query(connection, null, $"SELECT {Columns} FROM uploads WHERE client_request_id = $id", ("$id", clientRequestId)).FirstOrDefault());

    /// <summary>Returns the uploads a run must finish before anything else: planned, sent or pending, whichever run
    /// left them, in plan order.</summary>
    public IReadOnlyList<UploadRecord> Unfinished() => database.Read(connection =>
        Query(connection, null, $"SELECT {Columns} FROM uploads WHERE state IN ('planned', 'sent', 'pending') ORDER BY id"));

    /// <summary>Returns the uploads of <paramref name="runId"/>, in plan order.</summary>
    public IReadOnlyList<UploadRecord> OfRun(string runId) => database.Read(connection =>
        Query(connection, null, $"SELECT {Columns} FROM uploads WHERE run_id = $run ORDER BY id", ("$run", runId)));

    private void Update(string clientRequestId, string set, string allowedFrom, params ReadOnlySpan<(string, object?)> parameters)
    {
        (string, object?)[] all = [.. parameters, ("$id", clientRequestId), ("$now", StateDatabase.Timestamp(clock.GetUtcNow()))];
        var changed = database.Write((connection, transaction) =>
            StateDatabase.Execute(connection, transaction, $"UPDATE uploads SET {set} WHERE client_request_id = $id AND {allowedFrom}", all));
        if (changed == 0)
        {
            var current = Find(clientRequestId);
            throw new InvalidOperationException(current is null
                ? $"Upload {clientRequestId} is not in the ledger."
                : $"Upload {clientRequestId} is {current.State}; it cannot change that way.");
        }
    }

    private static UploadState ParseState(string state) => state switch
    {
        "planned" => UploadState.Planned,
        "sent" => UploadState.Sent,
        "accepted" => UploadState.Accepted,
        "failed" => UploadState.Failed,
        "pending" => UploadState.Pending,
        "abandoned" => UploadState.Abandoned,
        _ => throw new StateException($"The state's upload ledger holds an unknown upload state '{state}'."),
    };

    private static List<UploadRecord> Query(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string, object?)> parameters)
    {
        using var command = StateDatabase.Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var uploads = new List<UploadRecord>();
        while (reader.Read())
        {
            CrmObjectTypes.TryParseWireName(reader.GetString(3), out var type);
            uploads.Add(new UploadRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                type,
                reader.GetString(4),
                reader.GetInt32(5),
                reader.GetInt64(6),
                ParseState(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                StateDatabase.ParseTimestamp(reader.GetString(11)),
                reader.IsDBNull(12) ? null : StateDatabase.ParseTimestamp(reader.GetString(12)),
                reader.IsDBNull(13) ? null : StateDatabase.ParseTimestamp(reader.GetString(13)),
                reader.IsDBNull(14) ? null : reader.GetString(14)));
        }

        return uploads;
    }
}
