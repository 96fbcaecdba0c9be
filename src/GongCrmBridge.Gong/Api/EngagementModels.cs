#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>The CRM account or opportunity of a company.</summary>
public sealed record CompanyBusinessContext
{
    /// <summary>Gets Gong's value: <c>ACCOUNT</c>, <c>OPPORTUNITY</c> (text: Gong may add values).</summary>
    public required string ObjectType { get; init; }

    public required string ObjectId { get; init; }
    public string? SystemName { get; init; }
}

/// <summary>What Gong's three legacy engagement events share: who reports it and when, the CRM objects it concerns,
/// its properties, the sharer, where it happened.</summary>
public abstract record EngagementEvent
{
    public required string ReportingSystem { get; init; }
    public required string EventTimestamp { get; init; }
    public string? EventId { get; init; }
    public string? ActionName { get; init; }
    public string? ShareId { get; init; }
    public Sharer? Sharer { get; init; }
    public string? SharingMessageSubject { get; init; }
    public string? SharingMessageBody { get; init; }
    public IReadOnlyList<CallUploadContext>? CrmContext { get; init; }
    public IReadOnlyList<EngagementProperty>? ContentProperties { get; init; }
    public IReadOnlyList<EngagementProperty>? EventProperties { get; init; }
    public IReadOnlyList<EngagementActor>? NonCompanyParticipants { get; init; }
    public string? WorkspaceId { get; init; }
    public string? MoreInfoUrl { get; init; }
    public string? TrackingId { get; init; }
    public string? MobileAppId { get; init; }

    /// <summary>Gets Gong's value: <c>Windows</c>, <c>Linux</c>, <c>MacOS</c>, <c>iOS</c>, <c>Android</c> (text: Gong may add values).</summary>
    public string? AgentPlatform { get; init; }

    public string? UserAgent { get; init; }
}

/// <summary>The body of <c>PUT /v2/customer-engagement/content/shared</c>.</summary>
public sealed record ContentSharedEvent : EngagementEvent
{
    public required string ContentId { get; init; }
    public required string ContentUrl { get; init; }
    public required string ContentTitle { get; init; }
    public string? ShareInfoUrl { get; init; }
    public IReadOnlyList<EngagementActor>? Recipients { get; init; }
}

/// <summary>The body of <c>PUT /v2/customer-engagement/content/viewed</c>.</summary>
public sealed record ContentViewedEvent : EngagementEvent
{
    public required string ContentId { get; init; }
    public required string ContentUrl { get; init; }
    public required string ContentTitle { get; init; }
    public string? ViewActionTitle { get; init; }
    public string? ViewInfoUrl { get; init; }
    public EngagementActor? Viewer { get; init; }
}

/// <summary>The body of <c>PUT /v2/customer-engagement/action</c>.</summary>
public sealed record CustomActionEvent : EngagementEvent
{
    public string? ContentId { get; init; }
    public string? ContentUrl { get; init; }
    public string? ContentTitle { get; init; }
    public string? EventInfoUrl { get; init; }
    public EngagementActor? Actor { get; init; }
}

/// <summary>A named, typed custom value.</summary>
public sealed record CustomField
{
    public required string Name { get; init; }
    public required string Value { get; init; }

    /// <summary>Gets Gong's value: <c>STRING</c>, <c>NUMBER</c>, <c>DATE</c>, <c>URL</c>, <c>BOOLEAN</c>, <c>DURATION</c> (text: Gong may add values).</summary>
    public string? DataType { get; init; }
}

/// <summary>The company of a person.</summary>
public sealed record DigitalCompany
{
    public string? CompanyId { get; init; }
    public string? Name { get; init; }
    public string? Domain { get; init; }
    public IReadOnlyList<CompanyBusinessContext>? CompanyBusinessContexts { get; init; }
}

/// <summary>The content of a digital interaction.</summary>
public sealed record DigitalContent
{
    public string? ContentId { get; init; }
    public required string ContentTitle { get; init; }
    public IReadOnlyList<string>? ContentLabel { get; init; }
    public string? ContentUrl { get; init; }
    public string? ContentAdditionalInfoUrl { get; init; }
    public NumericContentDetails? NumericContentDetails { get; init; }
    public StepContentDetails? StepContentDetails { get; init; }
    public SearchObjectDetails? SearchObjectDetails { get; init; }
    public IReadOnlyList<CustomField>? ContentCustomFields { get; init; }
}

/// <summary>The body of <c>POST /v2/digital-interaction</c>.</summary>
public sealed record DigitalInteraction
{
    public required string EventId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string EventType { get; init; }
    public string? SourceSystemName { get; init; }
    public string? SessionId { get; init; }

    /// <summary>Gets Gong's value: <c>MOBILE</c>, <c>PC</c> (text: Gong may add values).</summary>
    public string? Device { get; init; }

    public required DigitalContent Content { get; init; }
    public DigitalPerson? Person { get; init; }
    public IReadOnlyList<CustomField>? CustomFields { get; init; }
    public string? TrackingId { get; init; }
}

/// <summary>The person of a digital interaction.</summary>
public sealed record DigitalPerson
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? PhoneNumber { get; init; }
    public string? PersonId { get; init; }
    public PersonBusinessContext? PersonBusinessContext { get; init; }
    public Location? Location { get; init; }
    public DigitalCompany? Company { get; init; }
    public IReadOnlyList<CustomField>? PersonCustomFields { get; init; }
}

/// <summary>A person an engagement event is about, with the CRM objects they are.</summary>
public sealed record EngagementActor
{
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<PartyUploadContext>? Context { get; init; }
}

/// <summary>A named, typed property of engaged content or of the event.</summary>
public sealed record EngagementProperty
{
    public required string Name { get; init; }
    public required string Value { get; init; }

    /// <summary>Gets Gong's value: <c>number</c>, <c>string</c>, <c>url</c>, <c>date</c> (text: Gong may add values).</summary>
    public required string DataType { get; init; }
}

/// <summary>Where a person is.</summary>
public sealed record Location
{
    public string? Country { get; init; }
    public string? State { get; init; }
    public string? Region { get; init; }
    public string? City { get; init; }
}

/// <summary>A numeric answer (rating, NPS, percentage) and its range.</summary>
public sealed record NumericContentDetails
{
    public int? Value { get; init; }
    public required int RangeFrom { get; init; }
    public required int RangeTo { get; init; }

    /// <summary>Gets Gong's value: <c>PERCENTAGE</c>, <c>NPS</c>, <c>RATING</c>, <c>OTHER</c> (text: Gong may add values).</summary>
    public string? NumericType { get; init; }
}

/// <summary>The CRM contact or lead a person is.</summary>
public sealed record PersonBusinessContext
{
    /// <summary>Gets Gong's value: <c>CONTACT</c>, <c>LEAD</c> (text: Gong may add values).</summary>
    public required string ObjectType { get; init; }

    public required string ObjectId { get; init; }
    public string? SystemName { get; init; }
}

/// <summary>What was searched for.</summary>
public sealed record SearchObjectDetails
{
    public required string Name { get; init; }

    /// <summary>Gets Gong's value: <c>VENDOR</c>, <c>PRODUCT</c>, <c>CATEGORY</c> (text: Gong may add values).</summary>
    public required string ObjectType { get; init; }

    public required string Domain { get; init; }
    public string? ObjectId { get; init; }
    public string? Url { get; init; }
}

/// <summary>Who shared the content.</summary>
public sealed record Sharer
{
    public string? Id { get; init; }
    public string? Email { get; init; }
    public string? Name { get; init; }
}

/// <summary>The step reached, of the available steps.</summary>
public sealed record StepContentDetails
{
    public required string Value { get; init; }
    public required IReadOnlyList<string> AvailableSteps { get; init; }
}
