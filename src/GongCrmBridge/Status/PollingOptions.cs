namespace GongCrmBridge.Status;

/// <summary>How often to ask Gong whether an upload is processed.</summary>
/// <remarks>
/// Every poll costs one of the company's 10,000 daily calls, and Gong takes seconds to minutes per file, so the
/// wait starts short (small files finish fast) and grows geometrically up to a cap.
/// </remarks>
public sealed record PollingOptions
{
    /// <summary>Gets the wait before the first poll. The default value is 3 seconds.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets the factor applied to the wait after each unfinished poll. The default value is 1.6.</summary>
    public double Growth { get; init; } = 1.6;

    /// <summary>Gets the longest wait between two polls. The default value is 60 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how long one upload may stay PENDING/IN_PROGRESS before the run gives up. The default value is 2 hours.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Gets the longest Retry-After of a 429 the run waits for; a longer one (Gong's daily quota spent)
    /// stops the run cleanly with its uploads pending. The default value is 5 minutes (<c>--max-wait</c>).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets a fast cadence for the in-process emulator, which answers in milliseconds.</summary>
    public static PollingOptions ForSandbox { get; } = new()
    {
        FirstDelay = TimeSpan.FromMilliseconds(50),
        Growth = 1.5,
        MaxDelay = TimeSpan.FromMilliseconds(500),
        Timeout = TimeSpan.FromMinutes(2),
    };

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstDelay, TimeSpan.Zero, nameof(FirstDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(Growth, 1.0, nameof(Growth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, FirstDelay, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
    }
}
