using GongCrmBridge.Gong.Resilience;
using GongCrmBridge.Gong.Tests.Support;
using GongCrmBridge.Testing;

namespace GongCrmBridge.Gong.Tests.Resilience;

public sealed class RetryAfterAndLimiterTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("0", 0.0)]
    [InlineData("Fri, 01 Mar 2024 08:00:30 GMT", 30.0)]
    [InlineData("Fri, 01 Mar 2024 07:00:00 GMT", 0.0)]
    public void Parse_SecondsOrHttpDate_Wait(string value, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.Parse(value, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void Parse_Unusable_Null(string? value)
    {
        Assert.Null(RetryAfter.Parse(value, Now));
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(3, 1.0, 8000)]
    [InlineData(20, 1.0, 120000)]
    public void Backoff_ExponentialWithJitterCapped(int attempt, double random, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), GongResilience.Backoff(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), random));
    }

    [Fact]
    public void AttemptAcquire_ThreePerSecond_FourthRefusedUntilTheWindowMoves()
    {
        var time = Clients.NewClock();
        using var limiter = new IntervalRateLimiter(3, time);

        for (var i = 0; i < 3; i++)
        {
            using var lease = limiter.AttemptAcquire();
            Assert.True(lease.IsAcquired);
        }

        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(1049)); // the window is 1 s plus a 50 ms guard against network jitter
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void AttemptAcquire_CallStillRunning_ItsSlotStaysTakenUntilAWindowAfterItEnds()
    {
        var time = Clients.NewClock();
        using var limiter = new IntervalRateLimiter(1, time);
        var running = limiter.AttemptAcquire();
        Assert.True(running.IsAcquired);

        time.Advance(TimeSpan.FromSeconds(5)); // a slow call: its request may have reached Gong only just now
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        running.Dispose();
        time.Advance(TimeSpan.FromMilliseconds(1049));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_Throws()
    {
        var time = Clients.NewClock();
        using var limiter = new IntervalRateLimiter(1, time);
        using var cancellation = new CancellationTokenSource();
        await limiter.AcquireAsync();

        var waiting = limiter.AcquireAsync(1, cancellation.Token).AsTask();
        await time.WhenWaitingAsync(); // parked until the window moves
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TestClock.HangLimit));
    }
}
