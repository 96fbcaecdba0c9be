// Gong's JSON objects of the IntegrationSettings area, one record each, named for what they are (Gong's schema names are
// generated ones such as PublicApiBaseRequestV2CallsFilter). Properties carry Gong's field names (camelCase on the
// wire) and, on answers, are all nullable: Gong documents none as always present and may add fields at any time.
// Properties are not documented one by one: each is the Gong field of the same name; enumerations stay text.
#pragma warning disable CS1591

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
