using System.Threading.RateLimiting;

namespace GongCrmBridge.Gong.Resilience;

/// <summary>
/// Lets at most <c>permitsPerWindow</c> calls reach Gong in any window of <c>window</c>, however long each call takes
/// to get onto the wire. Driven by a <see cref="TimeProvider"/> so tests with a fake clock run instantly.
/// </summary>
/// <remarks>
/// <para>The limiters of System.Threading.RateLimiting run on their own timers and cannot take a
/// <see cref="TimeProvider"/>, hence this small one.</para>
/// <para>It holds <c>permitsPerWindow</c> slots. A call takes a free slot and holds it until it ends (its lease is
/// disposed); the slot is free again one window after that end. A call reaches Gong somewhere between its grant and
/// its end, and the next call on the same slot is granted a window after that end at the earliest, so two calls
/// of one slot always reach Gong a window apart, whatever the network did in between, and any window holds at most
/// one call per slot. Measuring from grant times instead (as this limiter first did) let the first calls of a run
/// through in a burst: the very first call spends its first hundreds of milliseconds on DNS, TCP and TLS before it
/// reaches Gong, while the window had started at its grant.</para>
/// <para>A waiter sleeps until the soonest a slot can be free (a slot still in use is at best free one window from
/// now) and looks again: every waiter always waits on a timer of its own, never on another call.</para>
/// </remarks>
internal sealed class IntervalRateLimiter : RateLimiter
{
    private const double GuardSeconds = 0.05;
    private readonly TimeProvider _timeProvider;
    private readonly long _windowTimestampTicks;
    private readonly Slot[] _slots;
    private readonly Lock _gate = new();
    private long _lastGrant;
    private long _successfulLeases;
    private long _failedLeases;

    internal IntervalRateLimiter(double permitsPerSecond, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        _timeProvider = timeProvider;

        // 3/s → 3 per 1 s; 2.5/s → 2 per 0.8 s; 0.5/s → 1 per 2 s.
        var permitsPerWindow = Math.Max(1, (int)Math.Floor(permitsPerSecond));
        // A guard of 50 ms per window: Gong's own clock and window edges are not ours, and every 429 wastes a call of
        // the company's daily budget and a second.
        var windowSeconds = (permitsPerWindow / permitsPerSecond) + GuardSeconds;
        _windowTimestampTicks = (long)Math.Ceiling(windowSeconds * timeProvider.TimestampFrequency);
        _slots = [.. Enumerable.Range(0, permitsPerWindow).Select(_ => new Slot())];
        _lastGrant = timeProvider.GetTimestamp();
    }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _timeProvider.GetTimestamp();
                return _slots.Any(s => s.InUse) || now < _lastGrant ? null : _timeProvider.GetElapsedTime(_lastGrant, now);
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = 0,
        CurrentQueuedCount = 0,
        TotalSuccessfulLeases = Interlocked.Read(ref _successfulLeases),
        TotalFailedLeases = Interlocked.Read(ref _failedLeases),
    };

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ThrowIfNotOne(permitCount);
        if (TryTake(out _) is not { } slot)
        {
            Interlocked.Increment(ref _failedLeases);
            return Lease.Failed;
        }

        Interlocked.Increment(ref _successfulLeases);
        return new Lease(this, slot);
    }

    /// <inheritdoc/>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ThrowIfNotOne(permitCount);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryTake(out var wait) is { } slot)
            {
                Interlocked.Increment(ref _successfulLeases);
                return new Lease(this, slot);
            }

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ThrowIfNotOne(int permitCount)
    {
        if (permitCount != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Only one permit at a time is supported.");
        }
    }

    /// <summary>Takes the free slot that has been free longest, or says how long until one may be.</summary>
    private Slot? TryTake(out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            Slot? best = null;
            var soonest = long.MaxValue;
            foreach (var slot in _slots)
            {
                // A slot in use is free one window after its call ends: one window from now at the soonest.
                var freeAt = slot.InUse ? now + _windowTimestampTicks : slot.FreeAt;
                if (freeAt < soonest)
                {
                    (best, soonest) = (slot, freeAt);
                }
            }

            if (soonest <= now && best is { InUse: false })
            {
                best.InUse = true;
                _lastGrant = now;
                wait = TimeSpan.Zero;
                return best;
            }

            wait = TimeSpan.FromSeconds((double)(soonest - now) / _timeProvider.TimestampFrequency);
            return null;
        }
    }

    private void Release(Slot slot)
    {
        lock (_gate)
        {
            slot.InUse = false;
            slot.FreeAt = _timeProvider.GetTimestamp() + _windowTimestampTicks;
        }
    }

    /// <summary>One of the calls a window may hold.</summary>
    private sealed class Slot
    {
        public bool InUse { get; set; }

        /// <summary>Gets or sets the timestamp from which the slot may be taken again (when not in use).</summary>
        public long FreeAt { get; set; } = long.MinValue;
    }

    private sealed class Lease(IntervalRateLimiter? owner, Slot? slot) : RateLimitLease
    {
        internal static readonly Lease Failed = new(null, null);
        private int _disposed;

        public override bool IsAcquired => owner is not null;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && owner is not null && slot is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(slot);
            }

            base.Dispose(disposing);
        }
    }
}
