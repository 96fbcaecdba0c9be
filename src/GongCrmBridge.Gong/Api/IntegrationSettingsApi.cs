using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's integration settings: the origins allowed to embed Gong's e-mail composer, account pages and dialer.</summary>
public sealed class IntegrationSettingsApi
{
    private readonly GongTransport _transport;

    internal IntegrationSettingsApi(GongTransport transport) => _transport = transport;

    /// <summary><c>POST /v2/integration-settings</c>: sets the allowed origin of each embedded integration.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<GongBaseResponse> SetAsync(IntegrationSettingsRequest settings, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(ApiSend.WithJson(GongOperations.SetIntegrationSettings, settings, GongApiJson.Default.IntegrationSettingsRequest), GongApiJson.Default.GongBaseResponse, cancellationToken);
}
