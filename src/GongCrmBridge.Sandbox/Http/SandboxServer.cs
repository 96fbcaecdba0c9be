using System.Globalization;
using System.Security.Cryptography;
using GongCrmBridge.Sandbox.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>The request pipeline: requestId, route, auth (401), rate limit (429), injected faults, handler,
/// then the response — or an aborted connection.</summary>
internal sealed class SandboxServer
{
    private const string RequestIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly SandboxOptions _options;
    private readonly SandboxFaults _faults;
    private readonly SandboxState _state;
    private readonly Dictionary<SandboxRoute, Endpoint> _endpoints;
    private readonly Authenticator _auth;
    private readonly RateLimiter _limiter;
    private readonly ILogger _logger;

    public SandboxServer(SandboxOptions options, SandboxFaults faults, SandboxState state, IEnumerable<IEndpoints> endpoints, ILogger logger)
    {
        _options = options;
        _faults = faults;
        _state = state;
        _endpoints = endpoints.SelectMany(group => group.Routes).ToDictionary(route => route.Route, route => route.Handle);
        _auth = new Authenticator(options);
        _limiter = new RateLimiter(options);
        _logger = logger;
    }

    public static string NewRequestId() => RandomNumberGenerator.GetString(RequestIdAlphabet, 18);

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = NewRequestId();
        var ct = context.RequestAborted;
        try
        {
            _state.CountRequest();
            var route = RouteTable.Resolve(context.Request.Method, context.Request.Path.Value, out var pathKnown, out var pathValues);
            if (route is not { } known)
            {
                await WriteAsync(context, pathKnown
                    ? ApiResult.Error(405, requestId, "Method not allowed")
                    : ApiResult.Error(404, requestId, "Not found")).ConfigureAwait(false);
                return;
            }

            _state.CountCall(known);
            if (!_auth.IsAuthorized(context.Request.Headers.Authorization))
            {
                _state.CountUnauthorized();
                await WriteAsync(context, ApiResult.Error(401, requestId, "Access denied: missing or invalid credentials")).ConfigureAwait(false);
                return;
            }

            if (_limiter.TryAcquire() is { } wait)
            {
                _state.CountRateLimited();
                await WriteAsync(context, RateLimited(requestId, wait)).ConfigureAwait(false);
                return;
            }

            if (_faults.Interrupts.IsDown(_options.TimeProvider))
            {
                await WriteAsync(context, ApiResult.Error(503, requestId, "Service unavailable (outage window)")).ConfigureAwait(false);
                return;
            }

            await _faults.Interrupts.AtAsync(known, CallMoment.Received).ConfigureAwait(false);
            var delay = _faults.DelayOf(known);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _options.TimeProvider, ct).ConfigureAwait(false);
            }

            var fault = _faults.TakeNext(known);
            switch (fault?.Kind)
            {
                case FaultKind.Fail:
                    await WriteAsync(context, ApiResult.Error(fault.StatusCode, requestId, "Injected failure")).ConfigureAwait(false);
                    return;
                case FaultKind.RateLimit:
                    await WriteAsync(context, RateLimited(requestId, fault.RetryAfter)).ConfigureAwait(false);
                    return;
                case FaultKind.DropBeforeProcessing:
                    SandboxLog.DroppedBeforeProcessing(_logger, known);
                    context.Abort();
                    return;
                default:
                    break;
            }

            var result = await _endpoints[known](new ApiRequest(context, requestId, pathValues), ct).ConfigureAwait(false);
            await _faults.Interrupts.AtAsync(known, CallMoment.Processed).ConfigureAwait(false);
            if (fault?.Kind == FaultKind.DropAfterProcessing)
            {
                SandboxLog.DroppedAfterProcessing(_logger, known);
                context.Abort();
                return;
            }

            await WriteAsync(context, result).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; nobody to answer.
        }
#pragma warning disable CA1031 // a server answers 500 for a failed handler rather than dropping the host
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SandboxLog.RequestFailed(_logger, ex, requestId);
            if (!context.Response.HasStarted)
            {
                await WriteAsync(context, ApiResult.Error(500, requestId, "Unexpected error")).ConfigureAwait(false);
            }
        }
    }

    private static ApiResult RateLimited(string requestId, TimeSpan wait) =>
        new(429, new ErrorResponse(requestId, ["Too many requests: the API rate limit was exceeded"]), wait);

    private async Task WriteAsync(HttpContext context, ApiResult result)
    {
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        if (result.RetryAfter is { } retryAfter)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        SandboxLog.Answered(_logger, context.Request.Method, context.Request.Path.Value, result.StatusCode);
        response.ContentType = "application/json; charset=utf-8";
        await System.Text.Json.JsonSerializer.SerializeAsync(response.Body, result.Body, WireJson.Options.GetTypeInfo(result.Body.GetType()), context.RequestAborted)
            .ConfigureAwait(false);
    }
}
