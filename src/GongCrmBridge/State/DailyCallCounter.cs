using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GongCrmBridge.State;

/// <summary>Counts Gong calls per UTC day in the state (SPEC.md: every HTTP attempt, retries included), so that a
/// run knows what today's earlier runs spent of the daily budget.</summary>
/// <remarks>
/// <para>Cheap: <see cref="Count"/> adds to a number in memory; the number is written (added to the day's row) every
/// <see cref="FlushEvery"/> calls, every <see cref="FlushInterval"/> on the injected clock, when the UTC day changes,
/// and on <see cref="Flush"/> / <see cref="Dispose"/>. A process killed outright loses at most the calls since the
/// last write: fewer than <see cref="FlushEvery"/>, made within the last <see cref="FlushInterval"/>. At Gong's 3
/// calls a second that is a handful out of 10,000 a day.</para>
/// <para>Thread-safe: HTTP attempts run on many threads.</para>
/// </remarks>
internal sealed class DailyCallCounter : IDisposable
{
    /// <summary>Calls counted in memory before they are written.</summary>
    public const int FlushEvery = 10;

    /// <summary>Longest time a counted call stays unwritten.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private readonly StateDatabase _database;
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _unwritten;
    private bool _disposed;

    public DailyCallCounter(StateDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        _timer = clock.CreateTimer(_ => FlushOnTimer(), null, FlushInterval, FlushInterval);
    }

    /// <summary>Counts one HTTP attempt, now.</summary>
    public void Count()
    {
        var day = DayOf(_clock.GetUtcNow());
        lock (_gate)
        {
            if (_unwritten > 0 && day != _day)
            {
                WriteLocked();
            }

            _day = day;
            if (++_unwritten >= FlushEvery)
            {
                WriteLocked();
            }
        }
    }

    /// <summary>Writes the calls counted so far.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            WriteLocked();
        }
    }

    /// <summary>Returns the calls made today (UTC), by every run of this state, this one's unwritten ones included.</summary>
    public long UsedToday() => UsedOn(DayOf(_clock.GetUtcNow()));

    /// <summary>Returns the calls made on <paramref name="day"/> (UTC).</summary>
    public long UsedOn(DateOnly day)
    {
        long unwritten;
        lock (_gate)
        {
            unwritten = _unwritten > 0 && _day == day ? _unwritten : 0;
        }

        return unwritten + Stored(_database, day);
    }

    /// <summary>Returns the calls written for <paramref name="day"/> (what another process sees).</summary>
    internal static long Stored(StateDatabase database, DateOnly day) => database.Read(connection =>
        StateDatabase.Scalar(connection, null, "SELECT calls FROM api_calls WHERE utc_day = $day", ("$day", Key(day))) is long calls ? calls : 0);

    /// <summary>Returns the UTC day of <paramref name="at"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>Writes what is left; later counts and timer ticks (one may be running) write nothing.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            WriteLocked();
            _disposed = true;
        }
    }

    private void FlushOnTimer()
    {
        try
        {
            Flush();
        }
        catch (SqliteException)
        {
            // A timer thread must not bring the process down: the calls stay counted in memory and the next write
            // (the next call, the next tick, the end of the run) adds them.
        }
    }

    private void WriteLocked()
    {
        if (_unwritten == 0 || _disposed)
        {
            return;
        }

        var (day, calls) = (_day, _unwritten);
        _database.Write((connection, transaction) => StateDatabase.Execute(
            connection,
            transaction,
            "INSERT INTO api_calls (utc_day, calls) VALUES ($day, $calls) ON CONFLICT (utc_day) DO UPDATE SET calls = calls + excluded.calls",
            ("$day", Key(day)),
            ("$calls", calls)));
        _unwritten = 0;
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
