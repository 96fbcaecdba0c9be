namespace GongCrmBridge.State;

/// <summary>What <c>gongbridge state show</c> prints: the state at a glance.</summary>
/// <param name="Directory">The state folder.</param>
/// <param name="SchemaVersion">The database's schema version.</param>
/// <param name="LastRuns">The last runs, newest first.</param>
/// <param name="UnfinishedUploads">Uploads the next run finishes first (planned, sent, pending).</param>
/// <param name="Tracked">Objects tracked per type.</param>
/// <param name="Today">Today's date (UTC).</param>
/// <param name="CallsToday">Gong calls made today (UTC), as written by the runs.</param>
/// <param name="LockHolder">The sync holding (or, when it is gone, last holding) the run lock; null when free.</param>
/// <param name="LockHolderAlive">Whether that holder's process still runs (null when it is on another machine).</param>
public sealed record StateOverview(
    string Directory,
    int SchemaVersion,
    IReadOnlyList<RunRecord> LastRuns,
    IReadOnlyList<UploadRecord> UnfinishedUploads,
    IReadOnlyList<TrackedCount> Tracked,
    DateOnly Today,
    long CallsToday,
    LockHolder? LockHolder,
    bool? LockHolderAlive);

/// <summary>The state of nightly runs (SPEC.md, "State (nightly runs)"): one SQLite database in a state folder, for
/// one integration, holding run history, the upload ledger, tracked objects and calls per day, never credentials nor
/// record content. See <c>State/README.md</c> for the design and how a sync uses it.</summary>
/// <remarks>The methods are synchronous: Microsoft.Data.Sqlite's async methods run synchronously anyway, and every
/// call here is short (bulk writes commit in chunks).</remarks>
public sealed class StateStore : IDisposable
{
    /// <summary>The default state folder's name, beside the job file.</summary>
    public const string DefaultFolderName = ".gongbridge";

    /// <summary>The database file's name in the state folder.</summary>
    public const string DatabaseFileName = "state.db";

    private readonly StateDatabase _database;
    private readonly TimeProvider _clock;

    private StateStore(string directory, StateDatabase database, TimeProvider clock)
    {
        Directory = directory;
        _database = database;
        _clock = clock;
        Runs = new RunHistory(database, clock);
        Uploads = new UploadJournal(database, clock);
        Tracked = new TrackedObjects(database);
        Calls = new DailyCallCounter(database, clock);
    }

    /// <summary>Gets the state folder.</summary>
    public string Directory { get; }

    /// <summary>Gets the runs table.</summary>
    internal RunHistory Runs { get; }

    /// <summary>Gets the upload ledger.</summary>
    internal UploadJournal Uploads { get; }

    /// <summary>Gets the tracked objects.</summary>
    internal TrackedObjects Tracked { get; }

    /// <summary>Gets the calls per UTC day.</summary>
    internal DailyCallCounter Calls { get; }

    /// <summary>Gets the database (for tests).</summary>
    internal StateDatabase Database => _database;

    /// <summary>Returns the default state folder of a job: <c>.gongbridge/</c> beside the job file.</summary>
    public static string DefaultDirectory(string jobPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(jobPath)) ?? ".", DefaultFolderName);

    /// <summary>Returns whether <paramref name="directory"/> holds a state database.</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, DatabaseFileName));

    /// <summary>Opens the state in <paramref name="directory"/>, creating the folder and database when missing and
    /// bringing an older schema up to date.</summary>
    /// <exception cref="StateException">The database was written by a newer gongbridge, or is not a state.</exception>
    public static StateStore Open(string directory, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(full);
        var database = StateDatabase.Open(Path.Combine(full, DatabaseFileName));
        return new StateStore(full, database, clock ?? TimeProvider.System);
    }

    /// <summary>Takes the state's run lock for <paramref name="runId"/>; dispose it when the run ends.</summary>
    /// <exception cref="StateLockedException">Another process holds it; the message names the holder.</exception>
    public RunLock AcquireRunLock(string? runId) => RunLock.Acquire(Directory, _database, runId, _clock);

    /// <summary>Returns the state at a glance, for <c>state show</c>.</summary>
    public StateOverview Overview(int lastRuns = 10)
    {
        var today = DailyCallCounter.DayOf(_clock.GetUtcNow());
        var holder = RunLock.ReadHolder(_database);
        return new StateOverview(
            Directory,
            _database.Read(connection => StateSchema.VersionOf(connection)),
            Runs.Last(lastRuns),
            Uploads.Unfinished(),
            Tracked.CountByType(),
            today,
            Calls.UsedOn(today),
            holder,
            holder is null ? null : RunLock.IsAlive(holder));
    }

    /// <summary>Writes the calls counted so far and closes the database.</summary>
    public void Dispose()
    {
        try
        {
            Calls.Dispose();
        }
        finally
        {
            _database.Dispose();
        }
    }
}
