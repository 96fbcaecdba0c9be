using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's settings: scorecards and keyword trackers.</summary>
public sealed class SettingsApi
{
    private readonly GongTransport _transport;

    internal SettingsApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/settings/scorecards</c>: the scorecards and their questions.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The scorecards (none when Gong answers 404, "scorecards not found").</returns>
    public Task<ScorecardsResponse> ListScorecardsAsync(CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.ListScorecards), GongApiJson.Default.ScorecardsResponse, cancellationToken);

    /// <summary><c>GET /v2/settings/trackers</c>: the keyword trackers.</summary>
    /// <param name="workspaceId">Only this workspace's trackers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The trackers.</returns>
    public Task<TrackersResponse> ListTrackersAsync(string? workspaceId = null, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.ListTrackers).WithQuery("workspaceId", workspaceId), GongApiJson.Default.TrackersResponse, cancellationToken);
}
