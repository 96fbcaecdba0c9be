using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Engagement events Gong shows on the timeline of accounts and deals: content shared and viewed, custom
/// actions (Gong's legacy engagement API), and digital interactions (its successor).</summary>
public sealed class EngagementApi
{
    private readonly GongTransport _transport;

    internal EngagementApi(GongTransport transport) => _transport = transport;

    /// <summary><c>PUT /v2/customer-engagement/content/shared</c>: reports that content was shared.</summary>
    /// <param name="sharedEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<GongBaseResponse> ReportContentSharedAsync(ContentSharedEvent sharedEvent, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(ApiSend.WithJson(GongOperations.ReportContentShared, sharedEvent, GongApiJson.Default.ContentSharedEvent), GongApiJson.Default.GongBaseResponse, cancellationToken);

    /// <summary><c>PUT /v2/customer-engagement/content/viewed</c>: reports that content was viewed.</summary>
    /// <param name="viewedEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<GongBaseResponse> ReportContentViewedAsync(ContentViewedEvent viewedEvent, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(ApiSend.WithJson(GongOperations.ReportContentViewed, viewedEvent, GongApiJson.Default.ContentViewedEvent), GongApiJson.Default.GongBaseResponse, cancellationToken);

    /// <summary><c>PUT /v2/customer-engagement/action</c>: reports a custom action.</summary>
    /// <param name="actionEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<GongBaseResponse> ReportCustomActionAsync(CustomActionEvent actionEvent, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(ApiSend.WithJson(GongOperations.ReportCustomAction, actionEvent, GongApiJson.Default.CustomActionEvent), GongApiJson.Default.GongBaseResponse, cancellationToken);

    /// <summary><c>POST /v2/digital-interaction</c>: reports a digital interaction (a web visit, a form, a survey answer…).</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<GongBaseResponse> AddDigitalInteractionAsync(DigitalInteraction interaction, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(ApiSend.WithJson(GongOperations.AddDigitalInteraction, interaction, GongApiJson.Default.DigitalInteraction), GongApiJson.Default.GongBaseResponse, cancellationToken);
}
