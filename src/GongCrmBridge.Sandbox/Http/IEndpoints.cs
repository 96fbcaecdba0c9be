namespace GongCrmBridge.Sandbox.Http;

/// <summary>Answers one call of a route.</summary>
internal delegate Task<ApiResult> Endpoint(ApiRequest request, CancellationToken ct);

/// <summary>A group of endpoints (an API area) and the routes it answers.</summary>
internal interface IEndpoints
{
    IEnumerable<(SandboxRoute Route, Endpoint Handle)> Routes { get; }
}
