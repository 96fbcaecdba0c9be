using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace GongCrmBridge.State;

/// <summary>One object type's counts at the end of a run (summary.json's, without the uploads).</summary>
public sealed record RunTypeCounts
{
    /// <summary>Gets Gong's wire name of the type, e.g. <c>ACCOUNT</c>.</summary>
    public required string ObjectType { get; init; }

    /// <summary>Gets the records read.</summary>
    public long Read { get; init; }

    /// <summary>Gets the records Gong accepted.</summary>
    public long Accepted { get; init; }

    /// <summary>Gets the records rejected (mapping, validation or Gong).</summary>
    public long Rejected { get; init; }

    /// <summary>Gets the records not sent because Gong already has them as they are.</summary>
    public long Unchanged { get; init; }

    /// <summary>Gets the records left out by a mapping's <c>where</c>.</summary>
    public long Skipped { get; init; }

    /// <summary>Gets the duplicates merged into another record of the same objectId.</summary>
    public long Merged { get; init; }

    /// <summary>Gets the deletes sent (mirror mode).</summary>
    public long Deleted { get; init; }

    /// <summary>Gets the records sent whose outcome was not known when the run ended.</summary>
    public long Pending { get; init; }

    /// <summary>Gets the records not sent because the run stopped early.</summary>
    public long NotSent { get; init; }
}

/// <summary>How a sync starts: what the runs table records before anything is sent.</summary>
/// <param name="RunId">The run id (summary.json's).</param>
/// <param name="JobPath">The job file, full path.</param>
/// <param name="Mode"><c>upsert</c> or <c>mirror</c>.</param>
/// <param name="Full">Whether it is a <c>sync --full</c>.</param>
public sealed record RunStart(string RunId, string JobPath, string Mode, bool Full);

/// <summary>One sync as the state remembers it.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="JobPath">The job file.</param>
/// <param name="Mode"><c>upsert</c> or <c>mirror</c>.</param>
/// <param name="Full">Whether it was a <c>sync --full</c>.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished; null when it is running or ended without finishing (a crash, a kill).</param>
/// <param name="ExitCode">Its exit code, when it finished.</param>
/// <param name="ProcessId">The process that ran it.</param>
/// <param name="Host">The machine it ran on.</param>
/// <param name="ApiCalls">The HTTP attempts it made, when it finished.</param>
/// <param name="Counts">Its counts per object type, when it finished.</param>
public sealed record RunRecord(
    string RunId,
    string JobPath,
    string Mode,
    bool Full,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExitCode,
    int ProcessId,
    string Host,
    long? ApiCalls,
    IReadOnlyList<RunTypeCounts> Counts);

/// <summary>The runs table: each sync recorded when it starts, completed when it ends.</summary>
/// <remarks>A run without an end is one that is running or was killed; the upload ledger, not this table, says what
/// a resumed run must finish.</remarks>
internal sealed class RunHistory(StateDatabase database, TimeProvider clock)
{
    private const string Columns = "run_id, job_path, mode, full, started_utc, finished_utc, exit_code, pid, host, api_calls, counts_json";

    /// <summary>Records the start of a run (committed at once).</summary>
    public void Start(RunStart run)
    {
        ArgumentNullException.ThrowIfNull(run);
        database.Write((connection, transaction) => StateDatabase.Execute(
            connection,
            transaction,
            "INSERT INTO runs (run_id, job_path, mode, full, started_utc, pid, host) VALUES ($run, $job, $mode, $full, $started, $pid, $host)",
            ("$run", run.RunId),
            ("$job", run.JobPath),
            ("$mode", run.Mode),
            ("$full", run.Full),
            ("$started", StateDatabase.Timestamp(clock.GetUtcNow())),
            ("$pid", Environment.ProcessId),
            ("$host", Environment.MachineName)));
    }

    /// <summary>Records the end of a run: exit code, calls made, counts per type.</summary>
    public void Finish(string runId, int exitCode, long apiCalls, IReadOnlyList<RunTypeCounts> counts)
    {
        var json = JsonSerializer.Serialize(counts, StateJson.Default.IReadOnlyListRunTypeCounts);
        var updated = database.Write((connection, transaction) => StateDatabase.Execute(
            connection,
            transaction,
            "UPDATE runs SET finished_utc = $finished, exit_code = $exit, api_calls = $calls, counts_json = $counts WHERE run_id = $run",
            ("$finished", StateDatabase.Timestamp(clock.GetUtcNow())),
            ("$exit", exitCode),
            ("$calls", apiCalls),
            ("$counts", json),
            ("$run", runId)));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Run {runId} was never started in this state.");
        }
    }

    /// <summary>Returns the run <paramref name="runId"/>, or null.</summary>
    public RunRecord? Find(string runId) =>
        database.Read(connection => Query(connection, $"SELECT {Columns} FROM runs WHERE run_id = $run", ("$run", runId))).FirstOrDefault();

    /// <summary>Returns the last <paramref name="count"/> runs, newest first.</summary>
    public IReadOnlyList<RunRecord> Last(int count) =>
        database.Read(connection => Query(connection, $"SELECT {Columns} FROM runs ORDER BY started_utc DESC, rowid DESC LIMIT $count", ("$count", count)));

    private static List<RunRecord> Query(SqliteConnection connection, string sql, params ReadOnlySpan<(string, object?)> parameters)
    {
        using var command = StateDatabase.Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(new RunRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetBoolean(3),
                StateDatabase.ParseTimestamp(reader.GetString(4)),
                reader.IsDBNull(5) ? null : StateDatabase.ParseTimestamp(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.GetInt32(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9),
                reader.IsDBNull(10) ? [] : JsonSerializer.Deserialize(reader.GetString(10), StateJson.Default.IReadOnlyListRunTypeCounts) ?? []));
        }

        return runs;
    }
}

/// <summary>The JSON the state stores (a run's counts), through serialization code generated at build time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<RunTypeCounts>))]
internal sealed partial class StateJson : JsonSerializerContext;
