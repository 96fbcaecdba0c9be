using GongCrmBridge.Sandbox.Wire;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>A response decided by a handler and written by the dispatcher (so a fault can drop it instead).</summary>
internal sealed record ApiResult(int StatusCode, object Body, TimeSpan? RetryAfter = null)
{
    public static ApiResult Error(int statusCode, string requestId, params string[] errors) =>
        new(statusCode, new ErrorResponse(requestId, errors));

    public static ApiResult BadRequest(string requestId, params string[] errors) => Error(400, requestId, errors);
}
