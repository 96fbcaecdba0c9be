using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Gong.Tests.Support;

/// <summary>Drives a <see cref="FakeTimeProvider"/> while client calls run on the thread pool.</summary>
internal static class FakeClock
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>Advances fake time in <paramref name="step"/>s, letting continuations run between steps, until the task ends.</summary>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step)
    {
        await time.DriveUntilAsync(() => task.IsCompleted, step).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Advances fake time in <paramref name="step"/>s until <paramref name="done"/> is true.</summary>
    public static async Task DriveUntilAsync(this FakeTimeProvider time, Func<bool> done, TimeSpan step)
    {
        var started = DateTime.UtcNow;
        while (!done())
        {
            await SettleAsync().ConfigureAwait(false);
            if (done())
            {
                break;
            }

            if (DateTime.UtcNow - started > RealTimeLimit)
            {
                throw new TimeoutException("The operation did not finish within the real-time limit.");
            }

            time.Advance(step);
        }
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            if (DateTime.UtcNow - started > RealTimeLimit)
            {
                throw new TimeoutException("The condition did not become true within the real-time limit.");
            }

            await Task.Delay(2).ConfigureAwait(false);
        }
    }

    /// <summary>Gives thread-pool continuations a moment to run and register their timers.</summary>
    public static Task SettleAsync() => Task.Delay(4);
}
