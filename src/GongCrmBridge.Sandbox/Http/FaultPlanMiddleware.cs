using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>Plays a <see cref="SandboxFaultPlan"/> in front of the emulator: each request draws its fault from the
/// plan's seeded sequence, in arrival order.</summary>
internal sealed class FaultPlanMiddleware
{
    private static readonly int[] ServerErrors = [500, 502, 503];
    private readonly SandboxFaultPlan _plan;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private int _stormLeft;
    private int _serverErrors;

    public FaultPlanMiddleware(SandboxFaultPlan plan, TimeProvider time)
    {
        plan.Validate();
        _plan = plan;
        _time = time;
        _random = new Random(plan.Seed);
    }

    private enum Fault
    {
        None,
        RateLimit,
        ServerError,
        ResetBeforeProcessing,
        ResetAfterProcessing,
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var fault = Draw();
        switch (fault)
        {
            case Fault.RateLimit:
                context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(_plan.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ErrorAsync(context, 429, "Too many requests (injected storm)").ConfigureAwait(false);
                return;
            case Fault.ServerError:
                await ErrorAsync(context, ServerErrors[Interlocked.Increment(ref _serverErrors) % ServerErrors.Length], "Injected server error").ConfigureAwait(false);
                return;
            case Fault.ResetBeforeProcessing:
                context.Abort();
                return;
            default:
                break;
        }

        if (_plan.StatusDelay > TimeSpan.Zero && context.Request.Path.StartsWithSegments("/v2/crm/request-status", StringComparison.OrdinalIgnoreCase))
        {
            await Task.Delay(_plan.StatusDelay, _time, context.RequestAborted).ConfigureAwait(false);
        }

        if (fault != Fault.ResetAfterProcessing)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // The call takes effect, its answer goes nowhere, and the connection drops: the client cannot tell.
        context.Response.Body = Stream.Null;
        await next(context).ConfigureAwait(false);
        context.Abort();
    }

    private static async Task ErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var requestId = SandboxServer.NewRequestId();
        await context.Response.WriteAsync($$"""{"requestId":"{{requestId}}","errors":["{{error}}"]}""", context.RequestAborted).ConfigureAwait(false);
    }

    private Fault Draw()
    {
        lock (_gate)
        {
            if (_stormLeft > 0)
            {
                _stormLeft--;
                return Fault.RateLimit;
            }

#pragma warning disable CA5394 // a seeded, repeatable fault sequence; nothing depends on it being unpredictable
            var draw = _random.NextDouble();
#pragma warning restore CA5394
            if ((draw -= _plan.RateLimitStormShare) < 0)
            {
                _stormLeft = _plan.RateLimitStormLength - 1;
                return Fault.RateLimit;
            }

            if ((draw -= _plan.ServerErrorShare) < 0)
            {
                return Fault.ServerError;
            }

            if ((draw -= _plan.ResetShare) < 0)
            {
                return draw < -_plan.ResetShare / 2 ? Fault.ResetBeforeProcessing : Fault.ResetAfterProcessing;
            }

            return Fault.None;
        }
    }
}
