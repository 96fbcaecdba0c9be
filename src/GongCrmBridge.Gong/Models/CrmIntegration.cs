namespace GongCrmBridge.Gong.Models;

/// <summary>The company's Generic CRM integration in Gong.</summary>
/// <param name="IntegrationId">Gong's 64-bit id of the integration; every other CRM call needs it.</param>
/// <param name="Name">The display name.</param>
/// <param name="OwnerEmail">The email of the person responsible, if Gong returned it.</param>
public sealed record CrmIntegration(long IntegrationId, string Name, string? OwnerEmail);
