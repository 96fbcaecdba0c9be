#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>The body of <c>POST /v2/integration-settings</c>.</summary>
public sealed record IntegrationSettingsRequest
{
    public required IReadOnlyList<IntegrationTypeSettings> IntegrationTypeSettings { get; init; }
}

/// <summary>The origin allowed for one embedded integration (<c>EMAIL_COMPOSER</c>, <c>ACCOUNT_PAGES</c>, <c>DIALER</c>).</summary>
public sealed record IntegrationTypeSettings
{
    /// <summary>Gets Gong's value: <c>EMAIL_COMPOSER</c>, <c>ACCOUNT_PAGES</c>, <c>DIALER</c> (text: Gong may add values).</summary>
    public required string IntegrationType { get; init; }

    public required string AllowedOrigin { get; init; }
}
