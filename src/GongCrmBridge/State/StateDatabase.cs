using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GongCrmBridge.State;

/// <summary>The state's SQLite file: one connection shared by the state's parts, one writer at a time.</summary>
/// <remarks>
/// <para>A run writes from several threads (uploads in flight, the call counter on HTTP threads), and a connection is
/// not thread-safe; a .NET lock serializes them instead of SQLite's busy handler, so a writer waits as long as needed
/// rather than failing after a timeout. Long writes (bulk upserts) commit in chunks and release the lock between
/// chunks, so a ledger row never waits more than one chunk. Streaming reads use <see cref="OpenReader"/>: a
/// connection of their own, which WAL lets read while the shared one writes.</para>
/// <para>WAL with <c>synchronous=FULL</c>: a committed row survives a killed process and a power cut; commits are
/// few (a ledger row per upload, a chunk of tracked objects, a batch of call counts). The busy timeout covers other
/// processes (<c>state show</c>, a second sync checking the lock).</para>
/// </remarks>
internal sealed class StateDatabase : IDisposable
{
    /// <summary>How long a statement waits for another process's write lock, in seconds (also in the pragmas below).</summary>
    private const int BusyTimeoutSeconds = 30;

    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private StateDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>Gets the database file.</summary>
    public string Path { get; }

    /// <summary>Opens (or creates) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <exception cref="StateException">The file is not a state database, or a newer gongbridge wrote it.</exception>
    public static StateDatabase Open(string path)
    {
        try
        {
            var connection = Connect(path, SqliteOpenMode.ReadWriteCreate);
            try
            {
                StateSchema.Migrate(connection, path);
                return new StateDatabase(path, connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is NotADatabase or Corrupt)
        {
            throw new StateException($"{path} is not a gongbridge state, or it is damaged: {exception.Message}. Choose another --state folder.", exception);
        }
    }

    /// <summary>Runs a query on the shared connection.</summary>
    public T Read<T>(Func<SqliteConnection, T> query)
    {
        lock (_gate)
        {
            return query(_connection);
        }
    }

    /// <summary>Runs <paramref name="change"/> in one committed transaction (<c>BEGIN IMMEDIATE</c>).</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> change)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var result = change(_connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    /// <summary>Runs <paramref name="change"/> in one committed transaction (<c>BEGIN IMMEDIATE</c>).</summary>
    public void Write(Action<SqliteConnection, SqliteTransaction> change) =>
        Write((connection, transaction) =>
        {
            change(connection, transaction);
            return 0;
        });

    /// <summary>Opens a second connection for a long streaming read; the caller disposes it.</summary>
    public SqliteConnection OpenReader() => Connect(Path, SqliteOpenMode.ReadOnly);

    /// <summary>Closes the connection once the write in progress, if any, is committed.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    /// <summary>Makes a command on <paramref name="connection"/> with named parameters (<c>$name</c>).</summary>
    public static SqliteCommand Command(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static int Execute(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query that returns one value (or none).</summary>
    public static object? Scalar(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Time stamps are stored as UTC text, sortable and readable in any SQLite shell.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a time stamp written by <see cref="Timestamp"/>.</summary>
    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            // A pooled connection would keep the file open after Dispose: the state folder must be free when a run ends.
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var pragmas = mode == SqliteOpenMode.ReadOnly
                ? "PRAGMA busy_timeout = 30000;"
                : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536;";
            Execute(connection, null, pragmas);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
