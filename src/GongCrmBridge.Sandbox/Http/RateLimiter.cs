namespace GongCrmBridge.Sandbox.Http;

/// <summary>Gong's company-wide limits: a sliding window per second and a count per UTC day.</summary>
internal sealed class RateLimiter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly int _perWindow;
    private readonly int _perDay;
    private readonly Queue<DateTimeOffset> _recent = new();
    private DateOnly _day;
    private int _dayCount;

    public RateLimiter(SandboxOptions options)
    {
        _time = options.TimeProvider;
        var rate = options.RequestsPerSecond;

        // Below 1/s the window widens so that one call fits: 0.5/s = 1 call per 2 s.
        _window = rate >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / rate);
        _perWindow = (int)Math.Max(1, Math.Min(int.MaxValue, Math.Floor(rate * _window.TotalSeconds)));
        _perDay = options.RequestsPerDay;
    }

    /// <summary>Takes a permit; returns the wait to announce in <c>Retry-After</c> when refused.</summary>
    public TimeSpan? TryAcquire()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (today != _day)
            {
                _day = today;
                _dayCount = 0;
            }

            if (_dayCount >= _perDay)
            {
                var midnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return midnight - now;
            }

            while (_recent.Count > 0 && now - _recent.Peek() >= _window)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= _perWindow)
            {
                return _recent.Peek() + _window - now;
            }

            _recent.Enqueue(now);
            _dayCount++;
            return null;
        }
    }
}
