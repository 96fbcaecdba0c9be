#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

using System.Text.Json;

namespace GongCrmBridge.Gong.Api;

/// <summary>CRM objects a call or event is linked to in one CRM system, as sent to Gong.</summary>
public sealed record CallUploadContext
{
    /// <summary>Gets Gong's value: <c>Salesforce</c>, <c>HubSpot</c>, <c>MicrosoftDynamic</c>, <c>Generic</c> (text: Gong may add values).</summary>
    public required string System { get; init; }

    public IReadOnlyList<ExternalCrmCallObject>? Objects { get; init; }
}

/// <summary>One CRM field and its value, as Gong shows CRM context (the value is any JSON).</summary>
public sealed record CrmContextField
{
    public string? Name { get; init; }
    public JsonElement? Value { get; init; }
}

/// <summary>A CRM object (opportunity, account, …) a call or event is linked to, as sent to Gong.</summary>
public sealed record ExternalCrmCallObject
{
    /// <summary>Gets Gong's value: <c>Opportunity</c>, <c>Account</c>, <c>Lead</c>, <c>Contact</c>, <c>User</c> (text: Gong may add values).</summary>
    public required string ObjectType { get; init; }

    public required string ObjectId { get; init; }
    public IReadOnlyList<CrmContextField>? Fields { get; init; }
}

/// <summary>A CRM object (contact, lead, …) a call party or actor is, as sent to Gong.</summary>
public sealed record ExternalCrmPartyObject
{
    /// <summary>Gets Gong's value: <c>Lead</c>, <c>Contact</c>, <c>Account</c>, <c>Opportunity</c>, <c>User</c> (text: Gong may add values).</summary>
    public required string ObjectType { get; init; }

    public required string ObjectId { get; init; }
    public IReadOnlyList<CrmContextField>? Fields { get; init; }
}

/// <summary>The paging block of a list answer: how many records match, this page, and the cursor of the next page (absent on the last).</summary>
public sealed record GongRecords
{
    public int? TotalRecords { get; init; }
    public int? CurrentPageSize { get; init; }
    public int? CurrentPageNumber { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>One named interaction measure (talk ratio, patience, …) and its value.</summary>
public sealed record InteractionStat
{
    public string? Name { get; init; }
    public double? Value { get; init; }
}

/// <summary>CRM objects a call party or event actor is in one CRM system, as sent to Gong.</summary>
public sealed record PartyUploadContext
{
    /// <summary>Gets Gong's value: <c>Salesforce</c>, <c>HubSpot</c>, <c>MicrosoftDynamic</c>, <c>Generic</c> (text: Gong may add values).</summary>
    public required string System { get; init; }

    public IReadOnlyList<ExternalCrmPartyObject>? Objects { get; init; }
}
