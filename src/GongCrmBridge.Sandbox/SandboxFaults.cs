using System.Text.Json;

namespace GongCrmBridge.Sandbox;

/// <summary>Fault injection for tests: failures, rate limits, dropped connections, slow responses and
/// record rejections. Thread-safe; one-shot faults of a route are consumed in the order they were added.</summary>
/// <remarks>Faults apply after authentication and the real rate limit, so an injected call still counts
/// against the limits like any call Gong answers.</remarks>
internal sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SandboxRoute, Queue<InjectedFault>> _next = [];
    private readonly Dictionary<SandboxRoute, TimeSpan> _delays = [];
    private readonly List<Func<string, JsonElement, string?>> _rules = [];
    private readonly List<Func<string, JsonElement, bool>> _losses = [];

    internal SandboxFaults()
    {
    }

    /// <summary>Gets the whole-run interruptions: a hook at fixed points of every call, and outage windows.</summary>
    public SandboxInterrupts Interrupts { get; } = new();

    /// <summary>Answers the next <paramref name="count"/> calls of <paramref name="route"/> with
    /// <paramref name="statusCode"/> and Gong's error envelope, without processing them.</summary>
    /// <param name="route">The endpoint.</param>
    /// <param name="count">How many calls.</param>
    /// <param name="statusCode">The HTTP status, e.g. 500 or 408.</param>
    public void FailNext(SandboxRoute route, int count, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        Enqueue(route, count, new InjectedFault(FaultKind.Fail, statusCode, TimeSpan.Zero));
    }

    /// <summary>Answers the next <paramref name="count"/> calls of <paramref name="route"/> with 429 and a
    /// <c>Retry-After</c> header of <paramref name="retryAfter"/> (whole seconds, rounded up).</summary>
    /// <param name="route">The endpoint.</param>
    /// <param name="count">How many calls.</param>
    /// <param name="retryAfter">The wait to announce.</param>
    public void RateLimitNext(SandboxRoute route, int count, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        Enqueue(route, count, new InjectedFault(FaultKind.RateLimit, 429, retryAfter));
    }

    /// <summary>Closes the connection of the next <paramref name="count"/> calls of <paramref name="route"/>
    /// without an answer.</summary>
    /// <param name="route">The endpoint.</param>
    /// <param name="count">How many calls.</param>
    /// <param name="afterProcessing"><see langword="true"/>: the call takes effect first (an upload is accepted),
    /// then the connection is aborted — the ambiguous failure a client must not apply twice.</param>
    public void DropConnectionNext(SandboxRoute route, int count, bool afterProcessing)
    {
        var kind = afterProcessing ? FaultKind.DropAfterProcessing : FaultKind.DropBeforeProcessing;
        Enqueue(route, count, new InjectedFault(kind, 0, TimeSpan.Zero));
    }

    /// <summary>Delays every call of <paramref name="route"/> by <paramref name="delay"/>, measured with
    /// <see cref="SandboxOptions.TimeProvider"/>, until changed or <see cref="Clear"/>. Zero removes the delay.</summary>
    /// <param name="route">The endpoint.</param>
    /// <param name="delay">The delay before the call is processed.</param>
    public void Delay(SandboxRoute route, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            if (delay == TimeSpan.Zero)
            {
                _delays.Remove(route);
            }
            else
            {
                _delays[route] = delay;
            }
        }
    }

    /// <summary>Adds a rule that rejects records during processing, as Gong may for reasons a client cannot
    /// check. The rule gets the object type's wire name and a record that passed every documented check,
    /// and returns an error description for that line, or <see langword="null"/> to accept it.</summary>
    /// <param name="rule">The rule; rules added earlier are asked first.</param>
    public void RejectRecords(Func<string, JsonElement, string?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Adds a rule that loses records without a word: a record it matches is neither stored nor counted as a
    /// success or an error, so the request ends DONE with a <c>totalSuccessCount</c> below the records sent.</summary>
    /// <param name="rule">Gets the object type's wire name and the record; <see langword="true"/> loses it.</param>
    public void LoseRecords(Func<string, JsonElement, bool> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _losses.Add(rule);
        }
    }

    /// <summary>Removes every pending fault, delay, rejection and loss rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _next.Clear();
            _delays.Clear();
            _rules.Clear();
            _losses.Clear();
        }
    }

    internal bool Loses(string objectType, JsonElement record)
    {
        Func<string, JsonElement, bool>[] losses;
        lock (_gate)
        {
            losses = [.. _losses];
        }

        return losses.Any(loses => loses(objectType, record));
    }

    internal TimeSpan DelayOf(SandboxRoute route)
    {
        lock (_gate)
        {
            return _delays.TryGetValue(route, out var delay) ? delay : TimeSpan.Zero;
        }
    }

    internal InjectedFault? TakeNext(SandboxRoute route)
    {
        lock (_gate)
        {
            if (!_next.TryGetValue(route, out var queue) || queue.Count == 0)
            {
                return null;
            }

            return queue.Dequeue();
        }
    }

    internal string? Reject(string objectType, JsonElement record)
    {
        Func<string, JsonElement, string?>[] rules;
        lock (_gate)
        {
            if (_rules.Count == 0)
            {
                return null;
            }

            rules = [.. _rules];
        }

        foreach (var rule in rules)
        {
            var error = rule(objectType, record);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private void Enqueue(SandboxRoute route, int count, InjectedFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            if (!_next.TryGetValue(route, out var queue))
            {
                queue = new Queue<InjectedFault>();
                _next[route] = queue;
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }
}

internal enum FaultKind
{
    Fail,
    RateLimit,
    DropBeforeProcessing,
    DropAfterProcessing,
}

internal sealed record InjectedFault(FaultKind Kind, int StatusCode, TimeSpan RetryAfter);
