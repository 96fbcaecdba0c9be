using GongCrmBridge.State;
using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Tests.State;

/// <summary>Calls per UTC day: counted cheaply, written in batches, split at midnight UTC.</summary>
public sealed class DailyCallCounterTests : IDisposable
{
    private static readonly DateOnly March1 = new(2024, 3, 1);
    private static readonly DateOnly March2 = new(2024, 3, 2);
    private readonly TempStateFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 1, 23, 59, 58, TimeSpan.Zero));

    [Fact]
    public void Count_AcrossMidnightUtc_EachDayGetsItsOwnCalls()
    {
        // Given a run that makes 3 calls just before midnight UTC and 2 just after
        using (var store = _folder.Open(_clock))
        {
            Count(store, 3);
            _clock.Advance(TimeSpan.FromSeconds(3));
            Count(store, 2);

            // Then today is the new day, with its 2 calls
            Assert.Equal(2, store.Calls.UsedToday());
            Assert.Equal(3, store.Calls.UsedOn(March1));
        }

        // And once the run ended, another process reads the same
        using var next = _folder.Open(_clock);
        Assert.Equal(3, DailyCallCounter.Stored(next.Database, March1));
        Assert.Equal(2, DailyCallCounter.Stored(next.Database, March2));
        Assert.Equal(2, next.Overview().CallsToday);
    }

    [Fact]
    public void Count_SeveralRunsOfOneDay_AddUp()
    {
        _clock.SetUtcNow(new DateTimeOffset(2024, 3, 2, 8, 0, 0, TimeSpan.Zero));
        using (var first = _folder.Open(_clock))
        {
            Count(first, 4);
        }

        using var second = _folder.Open(_clock);
        Count(second, 5);
        Assert.Equal(9, second.Calls.UsedToday());
    }

    [Fact]
    public void Count_ProcessKilledMidRun_LosesNoMoreThanTheUnwrittenFew()
    {
        // Given a run that made 23 calls and was never flushed nor disposed (as after kill -9)
        _clock.SetUtcNow(new DateTimeOffset(2024, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var store = _folder.Open(_clock);
        Count(store, 23);

        // Then what another process sees already holds all but the last few
        using var other = _folder.Open(_clock);
        Assert.Equal(20, DailyCallCounter.Stored(other.Database, March2));

        // And the clock writes the rest within the flush interval
        _clock.Advance(DailyCallCounter.FlushInterval);
        Assert.Equal(23, DailyCallCounter.Stored(other.Database, March2));
        store.Dispose();
        Assert.Equal(23, DailyCallCounter.Stored(other.Database, March2));
    }

    private static void Count(StateStore store, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            store.Calls.Count();
        }
    }

    public void Dispose() => _folder.Dispose();
}
