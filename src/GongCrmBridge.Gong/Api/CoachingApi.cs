using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's coaching metrics.</summary>
public sealed class CoachingApi
{
    private readonly GongTransport _transport;

    internal CoachingApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/coaching</c>: a manager's coaching metrics of their direct reports (Gong's operationId for it
    /// is the generated <c>listUsers_1</c>).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="managerId">Gong's id of the manager.</param>
    /// <param name="from">The start of the period.</param>
    /// <param name="to">The end of the period.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metrics.</returns>
    public Task<CoachingMetricsResponse> ListMetricsAsync(string workspaceId, string managerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(
            new GongRequest(GongOperations.ListCoachingMetrics)
                .WithQuery("workspace-id", workspaceId)
                .WithQuery("manager-id", managerId)
                .WithQuery("from", from)
                .WithQuery("to", to),
            GongApiJson.Default.CoachingMetricsResponse,
            cancellationToken);
}
