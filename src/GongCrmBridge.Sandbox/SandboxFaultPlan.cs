namespace GongCrmBridge.Sandbox;

/// <summary>Random faults on every route, for fault tests of whole runs: 429 storms, server errors, dropped
/// connections and slow status answers, drawn from a seeded random sequence.</summary>
/// <remarks>Applied in front of the emulator (before authentication and the real rate limit) by
/// <see cref="Http.FaultPlanMiddleware"/>; independent of the one-shot faults of <see cref="SandboxFaults"/>, and
/// composable with any other middleware. Every request it sees, faulted or not, is an arrival Gong would count.</remarks>
public sealed record SandboxFaultPlan
{
    /// <summary>Gets the seed of the random sequence. The default value is 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the share of calls (0–1) that start a 429 storm.</summary>
    public double RateLimitStormShare { get; init; }

    /// <summary>Gets how many calls in a row a storm answers 429. The default value is 3.</summary>
    public int RateLimitStormLength { get; init; } = 3;

    /// <summary>Gets the wait a storm's 429 announces in <c>Retry-After</c>. The default value is 1 second.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the share of calls (0–1) answered 500, 502 or 503 without being processed.</summary>
    public double ServerErrorShare { get; init; }

    /// <summary>Gets the share of calls (0–1) whose connection is dropped without an answer: half of them before the
    /// call is processed, half after (the call took effect, the client cannot know).</summary>
    public double ResetShare { get; init; }

    /// <summary>Gets how much later every <c>request-status</c> call is answered. The default value is zero.</summary>
    public TimeSpan StatusDelay { get; init; }

    /// <summary>Throws when a share is outside 0–1 or a duration is negative.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (RateLimitStormShare is < 0 or > 1 || ServerErrorShare is < 0 or > 1 || ResetShare is < 0 or > 1
            || RateLimitStormShare + ServerErrorShare + ResetShare > 1)
        {
            throw new ArgumentException("The fault shares must each be between 0 and 1, and add up to at most 1.", nameof(RateLimitStormShare));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitStormLength, 1, nameof(RateLimitStormLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryAfter, TimeSpan.Zero, nameof(RetryAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(StatusDelay, TimeSpan.Zero, nameof(StatusDelay));
    }
}
