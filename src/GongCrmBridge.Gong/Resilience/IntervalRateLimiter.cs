using System.Threading.RateLimiting;

namespace GongCrmBridge.Gong.Resilience;

/// <summary>
/// Lets at most <c>permitsPerWindow</c> acquisitions through in any window of <c>window</c>, queueing the rest
/// in arrival order. Driven by a <see cref="TimeProvider"/> so tests with a fake clock run instantly.
/// </summary>
/// <remarks>
/// The limiters of System.Threading.RateLimiting run on their own timers and cannot take a
/// <see cref="TimeProvider"/>, hence this small one. It keeps the grant times of the last
/// <c>permitsPerWindow</c> acquisitions (which only ever increase) and gives each newcomer the first time at which
/// the window behind it holds fewer than <c>permitsPerWindow</c> grants. A caller cancelled while waiting keeps its
/// slot reserved, which only makes the limiter more conservative.
/// </remarks>
internal sealed class IntervalRateLimiter : RateLimiter
{
    private const double GuardSeconds = 0.05;
    private readonly TimeProvider _timeProvider;
    private readonly int _permitsPerWindow;
    private readonly long _windowTimestampTicks;
    private readonly Queue<long> _grants;
    private readonly Lock _gate = new();
    private long _lastGrant;
    private long _successfulLeases;
    private long _failedLeases;

    internal IntervalRateLimiter(double permitsPerSecond, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        _timeProvider = timeProvider;

        // 3/s → 3 per 1 s; 2.5/s → 2 per 0.8 s; 0.5/s → 1 per 2 s.
        _permitsPerWindow = Math.Max(1, (int)Math.Floor(permitsPerSecond));
        // A guard of 50 ms per window: a call granted exactly one window after another can still reach Gong inside
        // Gong's window (network jitter), and every 429 wastes a call of the company's daily budget and a second.
        var windowSeconds = (_permitsPerWindow / permitsPerSecond) + GuardSeconds;
        _windowTimestampTicks = (long)Math.Ceiling(windowSeconds * timeProvider.TimestampFrequency);
        _grants = new Queue<long>(_permitsPerWindow);
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
                return now >= _lastGrant ? _timeProvider.GetElapsedTime(_lastGrant, now) : null;
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
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            if (NextSlot(now) > now)
            {
                Interlocked.Increment(ref _failedLeases);
                return Lease.Failed;
            }

            Reserve(now);
        }

        Interlocked.Increment(ref _successfulLeases);
        return Lease.Acquired;
    }

    /// <inheritdoc/>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ThrowIfNotOne(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        long now;
        long slot;
        lock (_gate)
        {
            now = _timeProvider.GetTimestamp();
            slot = NextSlot(now);
            Reserve(slot);
        }

        if (slot > now)
        {
            var wait = TimeSpan.FromSeconds((double)(slot - now) / _timeProvider.TimestampFrequency);
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _successfulLeases);
        return Lease.Acquired;
    }

    private static void ThrowIfNotOne(int permitCount)
    {
        if (permitCount != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Only one permit at a time is supported.");
        }
    }

    private long NextSlot(long now)
    {
        if (_grants.Count < _permitsPerWindow)
        {
            return Math.Max(now, _lastGrant);
        }

        return Math.Max(now, _grants.Peek() + _windowTimestampTicks);
    }

    private void Reserve(long slot)
    {
        if (_grants.Count == _permitsPerWindow)
        {
            _grants.Dequeue();
        }

        _grants.Enqueue(slot);
        _lastGrant = slot;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        internal static readonly Lease Acquired = new(true);
        internal static readonly Lease Failed = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
