using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which timers are pending, so that a test moves time only while the code
/// under test is waiting on one, and says "the code is now waiting" by awaiting it: no test sleeps to let things settle.
/// </summary>
/// <remarks>
/// <para>A <em>wait</em> is a pending timer the code awaits (<c>Task.Delay(delay, timeProvider)</c>, a periodic timer).
/// A cancellation timeout (<c>new CancellationTokenSource(delay, timeProvider)</c>, a per-attempt timeout) is a
/// <em>guard</em>, not a wait: it stands by while real work runs, so its being pending says nothing about whether the
/// code is idle. Guards fire when time is moved past them, like every timer.</para>
/// <para>Real time is used only as a hang limit (<see cref="HangLimit"/>): a test that waits for a state that never
/// comes fails with a <see cref="TimeoutException"/> instead of hanging.</para>
/// <para>Shared by the test projects as a linked source file (tests/Shared/).</para>
/// </remarks>
internal sealed class TestClock : FakeTimeProvider
{
    /// <summary>The real time a test may wait for the code to reach a state before it fails.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly List<Entry> _timers = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _created;

    /// <summary>Initializes a new instance of the <see cref="TestClock"/> class at 2024-03-01 08:00 UTC.</summary>
    public TestClock()
        : this(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TestClock"/> class at <paramref name="start"/>.</summary>
    public TestClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Gets how many timers the code has created so far (waits and guards).</summary>
    public int TimersCreated
    {
        get
        {
            lock (_lock)
            {
                return _created;
            }
        }
    }

    /// <summary>Gets how far away each pending wait is, soonest first (empty when the code waits on no timer).</summary>
    public IReadOnlyList<TimeSpan> PendingWaits
    {
        get
        {
            var now = GetUtcNow();
            lock (_lock)
            {
                return [.. _timers.Where(t => t is { IsGuard: false, Due: not null }).Select(t => t.Due!.Value - now).Order()];
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // CancellationTokenSource passes itself as the state of its timeout timer; Task.Delay passes its own promise.
        var entry = new Entry(this, isGuard: state is CancellationTokenSource);
        var now = GetUtcNow();
        lock (_lock)
        {
            _created++;
            _timers.Add(entry);
            entry.Schedule(now, dueTime, period);
        }

        // Scheduled first: a timer due at once fires inside CreateTimer, and Fired must find its period.
        entry.Inner = base.CreateTimer(
            s =>
            {
                entry.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        Signal();
        return entry;
    }

    /// <summary>Waits until the code is waiting on a timer (a matching one, when <paramref name="match"/> is given).</summary>
    /// <param name="match">Which wait to look for, by how far away it is; any wait when null.</param>
    /// <returns>How far away the soonest matching wait is.</returns>
    public async Task<TimeSpan> WhenWaitingAsync(Func<TimeSpan, bool>? match = null)
    {
        TimeSpan? found = null;
        await UntilAsync(() => (found = PendingWaits.Where(w => match?.Invoke(w) ?? true).Cast<TimeSpan?>().FirstOrDefault()) is not null)
            .ConfigureAwait(false);
        return found!.Value;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking it each time a timer is created, changed,
    /// fired or disposed (the moments the code under test moves on a fake clock) and when <paramref name="task"/>,
    /// if given, ends.</summary>
    public Task UntilAsync(Func<bool> condition, Task? task = null) => UntilAsync(condition, () => task);

    private async Task UntilAsync(Func<bool> condition, Func<Task?> alsoWakeOn)
    {
        var started = Environment.TickCount64;
        while (true)
        {
            var changed = Changed;
            if (condition())
            {
                return;
            }

            var left = HangLimit - TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
            var other = alsoWakeOn();
            try
            {
                // A task that has already ended wakes nobody: waiting on it would spin.
                await (other is { IsCompleted: false } ? Task.WhenAny(changed, other) : changed)
                    .WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!condition())
            {
                throw new TimeoutException($"The code under test did not reach the expected state within {HangLimit.TotalSeconds} s of real time.");
            }
        }
    }

    /// <summary>Runs <paramref name="task"/> to its end, moving time to the next timer each time the code waits on one.</summary>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        await DriveAsync([task]).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="task"/> to its end, moving time to the next timer each time the code waits on one.</summary>
    public Task RunAsync(Task task) => RunAllAsync([task]);

    /// <summary>Runs concurrent <paramref name="flows"/> to their end, moving time to the next timer each time every
    /// unfinished flow waits on one (a flow still busy, e.g. between a fired wait and its next, holds time still).</summary>
    public async Task RunAllAsync(IReadOnlyCollection<Task> flows)
    {
        await DriveAsync(flows).ConfigureAwait(false);
        await Task.WhenAll(flows).ConfigureAwait(false);
    }

    private Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task DriveAsync(IReadOnlyCollection<Task> flows)
    {
        while (true)
        {
            await UntilAsync(
                () => flows.Count(f => !f.IsCompleted) is var running && (running == 0 || PendingWaits.Count >= running),
                () => flows.Any(f => !f.IsCompleted) ? Task.WhenAny(flows.Where(f => !f.IsCompleted)) : null).ConfigureAwait(false);
            if (flows.All(f => f.IsCompleted))
            {
                return;
            }

            // Straight to the soonest timer, guard or wait: it is the next thing that happens.
            var next = NextDue() - GetUtcNow();
            Advance(next > TimeSpan.Zero ? next : TimeSpan.Zero);
        }
    }

    private DateTimeOffset NextDue()
    {
        lock (_lock)
        {
            return _timers.Where(t => t.Due is not null).Min(t => t.Due!.Value);
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    /// <summary>One timer: forwards to the fake clock's own, and keeps when it is due next (null: not scheduled).</summary>
    private sealed class Entry(TestClock clock, bool isGuard) : ITimer
    {
        private TimeSpan _period;

        public bool IsGuard { get; } = isGuard;

        public DateTimeOffset? Due { get; private set; }

        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var now = clock.GetUtcNow();
            lock (clock._lock)
            {
                Schedule(now, dueTime, period);
            }

            // Scheduled first: a timer changed to fire at once fires inside Change.
            var changed = Inner.Change(dueTime, period);
            clock.Signal();
            return changed;
        }

        public void Dispose()
        {
            Inner.Dispose();
            Forget();
        }

        public async ValueTask DisposeAsync()
        {
            await Inner.DisposeAsync().ConfigureAwait(false);
            Forget();
        }

        /// <summary>Called under the clock's lock.</summary>
        public void Schedule(DateTimeOffset now, TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
        }

        public void Fired()
        {
            var now = clock.GetUtcNow();
            lock (clock._lock)
            {
                Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : now + _period;
            }

            clock.Signal();
        }

        private void Forget()
        {
            lock (clock._lock)
            {
                Due = null;
                clock._timers.Remove(this);
            }

            clock.Signal();
        }
    }
}
