using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's workspaces (their ids scope the calls and library queries).</summary>
public sealed class WorkspacesApi
{
    private readonly GongTransport _transport;

    internal WorkspacesApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/workspaces</c>: the company's workspaces.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workspaces.</returns>
    public Task<WorkspacesResponse> ListAsync(CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.ListWorkspaces), GongApiJson.Default.WorkspacesResponse, cancellationToken);
}
