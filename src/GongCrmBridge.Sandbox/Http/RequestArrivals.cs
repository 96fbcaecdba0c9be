using Microsoft.AspNetCore.Http;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>When each HTTP request reached the emulator, whatever became of it: what Gong's rate limit counts.</summary>
internal sealed class RequestArrivals(TimeProvider time)
{
    private readonly List<DateTimeOffset> _times = [];

    /// <summary>Gets the arrival times so far, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Times
    {
        get
        {
            lock (_times)
            {
                return [.. _times];
            }
        }
    }

    /// <summary>Returns the most requests that arrived within any window shorter than <paramref name="window"/>.</summary>
    public int MostWithin(TimeSpan window)
    {
        var times = Times;
        var most = 0;
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        lock (_times)
        {
            _times.Add(time.GetUtcNow());
        }

        return next(context);
    }
}
