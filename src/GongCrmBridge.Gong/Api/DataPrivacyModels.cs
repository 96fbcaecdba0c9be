#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>A call that refers to the address or number.</summary>
public sealed record CallReference
{
    public string? Id { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<ExternalSystemReference>? ExternalSystems { get; init; }
}

/// <summary>A lead or contact holding the address or number.</summary>
public sealed record CustomerDataObject
{
    public string? Id { get; init; }

    /// <summary>Gets Gong's value: <c>Lead</c>, <c>Contact</c> (text: Gong may add values).</summary>
    public string? ObjectType { get; init; }

    public string? ExternalId { get; init; }
    public string? MirrorId { get; init; }
    public IReadOnlyList<CrmContextField>? Fields { get; init; }
}

/// <summary>CRM leads and contacts, in one CRM system, holding the address or number.</summary>
public sealed record CustomerDataReference
{
    /// <summary>Gets Gong's value: <c>Salesforce</c>, <c>HubSpot</c>, <c>MicrosoftDynamic</c>, <c>Generic</c> (text: Gong may add values).</summary>
    public string? System { get; init; }

    public IReadOnlyList<CustomerDataObject>? Objects { get; init; }
}

/// <summary>The answer of <c>GET /v2/data-privacy/data-for-email-address</c>: what refers to the address.</summary>
public sealed record EmailAddressReferences
{
    public string? RequestId { get; init; }
    public IReadOnlyList<EmailReference>? Emails { get; init; }
    public IReadOnlyList<CallReference>? Calls { get; init; }
    public IReadOnlyList<MeetingReference>? Meetings { get; init; }
    public IReadOnlyList<CustomerDataReference>? CustomerData { get; init; }
    public IReadOnlyList<EngagementReference>? CustomerEngagement { get; init; }
}

/// <summary>An e-mail message that refers to the address or number.</summary>
public sealed record EmailReference
{
    public string? From { get; init; }
    public string? Id { get; init; }
    public string? SentTime { get; init; }
    public string? Mailbox { get; init; }
    public string? MessageHash { get; init; }
}

/// <summary>An engagement event that refers to the address.</summary>
public sealed record EngagementReference
{
    /// <summary>Gets Gong's value: <c>contentShared</c>, <c>contentViewed</c>, <c>customEvent</c>, <c>digitalInteraction</c> (text: Gong may add values).</summary>
    public string? EventType { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
    public string? ContentId { get; init; }
    public string? ContentUrl { get; init; }
    public string? ReportingSystem { get; init; }
    public string? EventName { get; init; }
    public string? SourceEventId { get; init; }
}

/// <summary>An object (conversation, task) of an external system.</summary>
public sealed record ExternalSystemObject
{
    /// <summary>Gets Gong's value: <c>Conversation</c>, <c>Task</c> (text: Gong may add values).</summary>
    public string? ObjectType { get; init; }

    public string? ExternalId { get; init; }
}

/// <summary>Where a referring call is in one external system.</summary>
public sealed record ExternalSystemReference
{
    /// <summary>Gets Gong's value: <c>Salesforce</c>, <c>HubSpot</c>, <c>MicrosoftDynamic</c>, <c>Generic</c> (text: Gong may add values).</summary>
    public string? System { get; init; }

    public IReadOnlyList<ExternalSystemObject>? Objects { get; init; }
}

/// <summary>A meeting that refers to the address or number.</summary>
public sealed record MeetingReference
{
    public string? Id { get; init; }
}

/// <summary>The answer of <c>GET /v2/data-privacy/data-for-phone-number</c>: what refers to the number.</summary>
public sealed record PhoneNumberReferences
{
    public string? RequestId { get; init; }
    public IReadOnlyList<EmailReference>? Emails { get; init; }
    public IReadOnlyList<CallReference>? Calls { get; init; }
    public IReadOnlyList<MeetingReference>? Meetings { get; init; }
    public IReadOnlyList<CustomerDataReference>? CustomerData { get; init; }
    public string? SuppliedPhoneNumber { get; init; }
    public IReadOnlyList<string>? MatchingPhoneNumbers { get; init; }
    public IReadOnlyList<string>? EmailAddresses { get; init; }
}
