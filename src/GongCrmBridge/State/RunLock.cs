using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GongCrmBridge.State;

/// <summary>Who holds (or held) a state's run lock.</summary>
/// <param name="ProcessId">The holder's process id.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Since">When it took the lock.</param>
/// <param name="RunId">The run it is doing, if any.</param>
public sealed record LockHolder(int ProcessId, string Host, DateTimeOffset Since, string? RunId)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"pid {ProcessId} on {Host}, since {StateDatabase.Timestamp(Since)}{(RunId is null ? string.Empty : ", run " + RunId)}");
}

/// <summary>Another process holds the state's run lock: one sync per state at a time (exit code 2).</summary>
public sealed class StateLockedException : StateException
{
    /// <summary>Initializes a new instance of the <see cref="StateLockedException"/> class.</summary>
    public StateLockedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StateLockedException"/> class.</summary>
    public StateLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StateLockedException"/> class.</summary>
    public StateLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal StateLockedException(string directory, LockHolder? holder, Exception innerException)
        : base(
            holder is null
                ? $"Another sync is using the state {directory} (it is starting: its details are not recorded yet). Nothing was sent."
                : $"Another sync is using the state {directory}: {holder}. Nothing was sent. Wait for it to end or stop it; a lock left by a process that is gone is taken over by the next sync.",
            innerException) =>
        Holder = holder;

    /// <summary>Gets the process that holds the lock, when it has recorded itself.</summary>
    public LockHolder? Holder { get; }
}

/// <summary>One sync per state at a time: an exclusive OS lock on <c>sync.lock</c> in the state folder, held for the
/// run's lifetime.</summary>
/// <remarks>
/// <para>The lock is the kernel's (<c>flock</c> on Linux and macOS, a share-mode lock on Windows, both taken by
/// <see cref="FileShare.None"/>), so it ends with its process however the process ends, <c>kill -9</c> included:
/// nothing is ever stale and no time-out guesses whether a holder is alive. The holder also records itself (pid,
/// host, start, run) in the database's <c>run_lock</c> row, for the message a second sync gets; a row found by a
/// new holder was left by a process that ended without releasing, and is reported in <see cref="TakenOverFrom"/>.
/// The lock file is never deleted: deleting it would let two processes lock two different files.</para>
/// <para>Limits: <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING=1</c> turns .NET's file locks off, and some network file
/// systems do not honour <c>flock</c>; keep the state on a local disk or a volume mounted by one pod.</para>
/// </remarks>
public sealed class RunLock : IDisposable
{
    /// <summary>The lock file's name in the state folder.</summary>
    public const string FileName = "sync.lock";

    private readonly FileStream _file;
    private readonly StateDatabase _database;
    private bool _released;

    private RunLock(FileStream file, StateDatabase database, LockHolder holder, LockHolder? takenOverFrom)
    {
        _file = file;
        _database = database;
        Holder = holder;
        TakenOverFrom = takenOverFrom;
    }

    /// <summary>Gets this process's record as the holder.</summary>
    public LockHolder Holder { get; }

    /// <summary>Gets the holder recorded by a process that ended without releasing the lock (a crash, a kill), or
    /// null when the last holder released it.</summary>
    public LockHolder? TakenOverFrom { get; }

    /// <summary>Takes the lock of the state in <paramref name="directory"/>, whose database is open as
    /// <paramref name="database"/>.</summary>
    /// <exception cref="StateLockedException">Another process holds it; the message names the holder.</exception>
    internal static RunLock Acquire(string directory, StateDatabase database, string? runId, TimeProvider clock)
    {
        var path = Path.Combine(directory, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException exception) when (exception.GetType() == typeof(IOException))
        {
            // The sharing violation .NET reports for a lock held elsewhere (other IO failures have their own types).
            throw new StateLockedException(directory, ReadHolder(database), exception);
        }

        try
        {
            var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, clock.GetUtcNow(), runId);
            var previous = database.Write((connection, transaction) =>
            {
                var left = ReadHolder(connection, transaction);
                StateDatabase.Execute(
                    connection,
                    transaction,
                    "INSERT OR REPLACE INTO run_lock (id, pid, host, run_id, since_utc) VALUES (1, $pid, $host, $run, $since)",
                    ("$pid", holder.ProcessId),
                    ("$host", holder.Host),
                    ("$run", holder.RunId),
                    ("$since", StateDatabase.Timestamp(holder.Since)));
                return left;
            });

            // For people and tools without the database at hand (`cat .gongbridge/sync.lock`): the lock is advisory,
            // so the file stays readable.
            file.SetLength(0);
            file.Write(Encoding.UTF8.GetBytes(holder + Environment.NewLine));
            file.Flush();
            return new RunLock(file, database, holder, previous);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Returns the holder recorded in the database, or null when none is.</summary>
    internal static LockHolder? ReadHolder(StateDatabase database) => database.Read(connection => ReadHolder(connection, null));

    /// <summary>Returns whether <paramref name="holder"/> looks alive: on this machine, its process still exists (a
    /// reused pid can fool this; it is for display, the lock itself never guesses).</summary>
    internal static bool? IsAlive(LockHolder holder)
    {
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Releases the lock: the holder's row goes, then the file lock.</summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        try
        {
            _database.Write((connection, transaction) =>
                StateDatabase.Execute(connection, transaction, "DELETE FROM run_lock WHERE pid = $pid", ("$pid", Holder.ProcessId)));
        }
        finally
        {
            _file.Dispose();
        }
    }

    private static LockHolder? ReadHolder(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? transaction)
    {
        using var command = StateDatabase.Command(connection, transaction, "SELECT pid, host, since_utc, run_id FROM run_lock WHERE id = 1");
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new LockHolder(reader.GetInt32(0), reader.GetString(1), StateDatabase.ParseTimestamp(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }
}
