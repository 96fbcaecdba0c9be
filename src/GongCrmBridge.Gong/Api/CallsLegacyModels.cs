#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>One page of <c>GET /v2/calls/manual-crm-associations</c> (legacy, Beta).</summary>
public sealed record ManualAssociationsPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<ManualAssociation>? Associations { get; init; }
}

/// <summary>A call a user linked to CRM objects by hand, and when.</summary>
public sealed record ManualAssociation
{
    public string? CallId { get; init; }
    public string? UserId { get; init; }
    public string? Created { get; init; }
    public IReadOnlyList<AssociatedCrmObject>? AssociatedCrmObjects { get; init; }
}

/// <summary>The CRM account and deal a call was linked to by hand.</summary>
public sealed record AssociatedCrmObject
{
    public string? AccountCrmId { get; init; }
    public string? DealCrmId { get; init; }
}
