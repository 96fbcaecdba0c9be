using System.Globalization;
using System.Threading.RateLimiting;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GongCrmBridge.Gong.Resilience;

/// <summary>Builds the one resilience pipeline every Gong call goes through (STYLE.md, convention 9).</summary>
/// <remarks>
/// Order, outermost first: retry → shared rate limiter → per-attempt timeout → HTTP. The limiter sits inside the
/// retry so that every attempt, retries included, takes a permit: Gong counts attempts, not logical calls. The
/// permit is held until the attempt ends (see <see cref="IntervalRateLimiter"/>). Below all of it, the HTTP handler
/// sends every attempt on a connection of its own, so that it has no pooled connection to re-send on by itself
/// (see <see cref="Transport.GongTransport"/>).
/// The timeout sits inside the limiter so that waiting for a permit does not eat an attempt's time.
/// </remarks>
internal static class GongResilience
{
    /// <summary>The key under which the operation name ("POST /v2/crm/entities") travels in the context.</summary>
    internal static readonly ResiliencePropertyKey<string> OperationKey = new("Gong.Operation");

    /// <summary>The key under which a call's own attempt timeout travels (an upload's grows with its file).</summary>
    internal static readonly ResiliencePropertyKey<TimeSpan> AttemptTimeoutKey = new("Gong.AttemptTimeout");

    internal static ResiliencePipeline<IFlurlResponse> Create(GongClientOptions options, RateLimiter limiter, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<IFlurlResponse>
        {
            Name = "GongCrmClient",
            TimeProvider = options.TimeProvider,
        };

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<IFlurlResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options)),
#pragma warning disable CA5394 // jitter spreads retries out; nothing depends on it being unpredictable
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    RetryDelay(args.Outcome, args.AttemptNumber, options, Random.Shared.NextDouble())),
#pragma warning restore CA5394
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(OperationKey, "Gong call");
                    GongLog.Retrying(
                        logger,
                        operation,
                        args.AttemptNumber + 1,
                        args.Outcome.Result is { } response
                            ? "HTTP " + response.StatusCode.ToString(CultureInfo.InvariantCulture)
                            : args.Outcome.Exception?.GetType().Name ?? "no answer",
                        (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddRateLimiter(limiter);

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(AttemptTimeoutKey, options.AttemptTimeout)),
            });
        }

        return builder.Build();
    }

    /// <summary>Whether an attempt's outcome is worth another attempt.</summary>
    internal static bool ShouldRetry(Outcome<IFlurlResponse> outcome, GongClientOptions options)
    {
        if (outcome.Exception is { } exception)
        {
            return IsTransient(exception);
        }

        var response = outcome.Result;
        if (response is null)
        {
            return false;
        }

        return response.StatusCode switch
        {
            429 => !(RetryAfter.Read(response.ResponseMessage, options.TimeProvider.GetUtcNow()) > options.MaxRetryDelay),
            408 => true,
            >= 500 and <= 599 => true,
            _ => false,
        };
    }

    /// <summary>Network failures and timeouts where no HTTP answer arrived.</summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        HttpRequestException => true,
        FlurlParsingException => false,

        // Statuses are outcomes here (AllowAnyHttpStatus), so a FlurlHttpException means the call got no answer:
        // a timeout, a refused or reset connection.
        FlurlHttpException flurl => flurl.Call?.Response is null,
        _ => false,
    };

    /// <summary>
    /// <c>Retry-After</c> for 429 when Gong sends it; otherwise exponential back-off with jitter:
    /// <c>base × 2^attempt</c>, scaled by a random factor in [0.5, 1], capped at <see cref="GongClientOptions.MaxRetryDelay"/>.
    /// </summary>
    internal static TimeSpan RetryDelay(Outcome<IFlurlResponse> outcome, int attemptNumber, GongClientOptions options, double random)
    {
        if (outcome.Result is { StatusCode: 429 } limited &&
            RetryAfter.Read(limited.ResponseMessage, options.TimeProvider.GetUtcNow()) is { } asked)
        {
            return asked;
        }

        return Backoff(attemptNumber, options.RetryBaseDelay, options.MaxRetryDelay, random);
    }

    internal static TimeSpan Backoff(int attemptNumber, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var jittered = exponential * (0.5 + (0.5 * Math.Clamp(random, 0, 1)));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }
}
