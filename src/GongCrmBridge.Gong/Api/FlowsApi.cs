using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong Engage flows: a user's flows, the flows prospects are in, assigning prospects to a flow.</summary>
public sealed class FlowsApi
{
    private readonly GongTransport _transport;

    internal FlowsApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/flows</c>: the flows a user owns or may use, page by page.</summary>
    /// <param name="flowOwnerEmail">The user's e-mail address.</param>
    /// <param name="workspaceId">Only this workspace's flows.</param>
    /// <param name="folderId">Only this folder's flows.</param>
    /// <param name="mostRecentlyAssigned">Only the flows the user assigned most recently.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages.</returns>
    public IAsyncEnumerable<FlowsPage> ListAsync(
        string flowOwnerEmail,
        string? workspaceId = null,
        string? folderId = null,
        bool? mostRecentlyAssigned = null,
        string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowOwnerEmail);
        return _transport.PagesAsync(
            new GongRequest(GongOperations.ListFlows)
                .WithQuery("flowOwnerEmail", flowOwnerEmail)
                .WithQuery("workspaceId", workspaceId)
                .WithQuery("folderId", folderId)
                .WithQuery("mostRecentlyAssigned", mostRecentlyAssigned)
                .From(cursor),
            GongApiJson.Default.FlowsPage,
            cancellationToken);
    }

    /// <summary><c>POST /v2/flows/prospects</c>: the flows the prospects (CRM ids of contacts or leads) are assigned to.</summary>
    /// <param name="request">The prospects or flow instances.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The assignments.</returns>
    public Task<ProspectFlowsResponse> GetProspectsFlowsAsync(ProspectFlowsRequest request, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(ApiSend.WithJson(GongOperations.GetProspectsAssignedFlows, request, GongApiJson.Default.ProspectFlowsRequest), GongApiJson.Default.ProspectFlowsResponse, cancellationToken);

    /// <summary><c>POST /v2/flows/prospects/assign</c>: assigns prospects to a flow.</summary>
    /// <param name="request">The flow, the owner and at most <see cref="GongOperations.MaxProspectsPerAssignment"/> prospects.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Who was assigned and who was not, and why.</returns>
    /// <exception cref="ArgumentException">More than 100 prospects: Gong's document allows 100 per request (its use case
    /// says 200; the stricter limit is kept, so a request is never refused for it).</exception>
    public Task<AssignFlowResponse> AssignProspectsAsync(AssignFlowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CrmProspectsIds.Count > GongOperations.MaxProspectsPerAssignment)
        {
            throw new ArgumentException($"Gong assigns at most {GongOperations.MaxProspectsPerAssignment} prospects per request; split them.", nameof(request));
        }

        return _transport.CallAsync(ApiSend.WithJson(GongOperations.AssignProspects, request, GongApiJson.Default.AssignFlowRequest), GongApiJson.Default.AssignFlowResponse, cancellationToken);
    }
}
