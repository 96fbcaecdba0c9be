#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>A call's collaboration data: public comments.</summary>
public sealed record CallCollaborationData
{
    public IReadOnlyList<CallComment>? PublicComments { get; init; }
}

/// <summary>A public comment on a call.</summary>
public sealed record CallComment
{
    public string? Id { get; init; }
    public double? AudioStartTime { get; init; }
    public double? AudioEndTime { get; init; }
    public string? CommenterUserId { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset? Posted { get; init; }
    public string? InReplyTo { get; init; }
    public bool? DuringCall { get; init; }
}

/// <summary>A call's content: structure, trackers, topics, brief, outline, highlights, outcome, key points.</summary>
public sealed record CallContentData
{
    public IReadOnlyList<CallStructureSection>? Structure { get; init; }
    public IReadOnlyList<CallTracker>? Trackers { get; init; }
    public IReadOnlyList<CallTopic>? Topics { get; init; }
    public string? Brief { get; init; }
    public IReadOnlyList<CallOutlineSection>? Outline { get; init; }
    public IReadOnlyList<CallHighlightsSection>? Highlights { get; init; }
    public CallOutcome? CallOutcome { get; init; }
    public IReadOnlyList<CallKeyPoint>? KeyPoints { get; init; }
}

/// <summary>The CRM objects (accounts, opportunities) a call is linked to in one CRM system.</summary>
public sealed record CallCrmContext
{
    /// <summary>Gets Gong's value: <c>Salesforce</c>, <c>HubSpot</c>, <c>MicrosoftDynamic</c>, <c>Generic</c> (text: Gong may add values).</summary>
    public string? System { get; init; }

    public IReadOnlyList<CallCrmObject>? Objects { get; init; }
}

/// <summary>A CRM object a call is linked to, with its fields when the context is <c>Extended</c>.</summary>
public sealed record CallCrmObject
{
    /// <summary>Gets Gong's value: <c>Opportunity</c>, <c>Account</c> (text: Gong may add values).</summary>
    public string? ObjectType { get; init; }

    public string? ObjectId { get; init; }
    public IReadOnlyList<CrmContextField>? Fields { get; init; }

    /// <summary>Gets Gong's value: <c>Now</c>, <c>TimeOfCall</c> (text: Gong may add values).</summary>
    public string? Timing { get; init; }
}

/// <summary>One call with what was asked for: metadata, CRM context, parties, content, interaction, collaboration, media.</summary>
public sealed record CallData
{
    public CallBasicData? MetaData { get; init; }
    public IReadOnlyList<CallCrmContext>? Context { get; init; }
    public IReadOnlyList<CallParty>? Parties { get; init; }
    public CallContentData? Content { get; init; }
    public CallInteractionData? Interaction { get; init; }
    public CallCollaborationData? Collaboration { get; init; }
    public CallMedia? Media { get; init; }
}

/// <summary>One highlight and when it was said.</summary>
public sealed record CallHighlightsItem
{
    public string? Text { get; init; }
    public IReadOnlyList<double>? StartTimes { get; init; }
}

/// <summary>A section of a call's highlights.</summary>
public sealed record CallHighlightsSection
{
    public string? Title { get; init; }
    public IReadOnlyList<CallHighlightsItem>? Items { get; init; }
}

/// <summary>A call's interaction measures: speakers, stats, video, questions.</summary>
public sealed record CallInteractionData
{
    public IReadOnlyList<CallSpeaker>? Speakers { get; init; }
    public IReadOnlyList<InteractionStat>? InteractionStats { get; init; }
    public IReadOnlyList<VideoInteraction>? Video { get; init; }
    public QuestionCounts? Questions { get; init; }
}

/// <summary>A key point of a call.</summary>
public sealed record CallKeyPoint
{
    public string? Text { get; init; }
}

/// <summary>Links to a call's audio and video (valid for 8 hours).</summary>
public sealed record CallMedia
{
    public string? AudioUrl { get; init; }
    public string? VideoUrl { get; init; }
}

/// <summary>A call's outcome.</summary>
public sealed record CallOutcome
{
    public string? Id { get; init; }
    public string? Category { get; init; }
    public string? Name { get; init; }
}

/// <summary>One item of an outline section.</summary>
public sealed record CallOutlineItem
{
    public string? Text { get; init; }
    public double? StartTime { get; init; }
}

/// <summary>A section of a call's outline.</summary>
public sealed record CallOutlineSection
{
    public string? Section { get; init; }
    public double? StartTime { get; init; }
    public double? Duration { get; init; }
    public IReadOnlyList<CallOutlineItem>? Items { get; init; }
}

/// <summary>A party of a call: person, affiliation, and the CRM objects (contact, lead, user) it is.</summary>
public sealed record CallParty
{
    public string? Id { get; init; }
    public string? EmailAddress { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? UserId { get; init; }
    public string? SpeakerId { get; init; }
    public IReadOnlyList<PartyCrmContext>? Context { get; init; }

    /// <summary>Gets Gong's value: <c>Internal</c>, <c>External</c>, <c>Unknown</c> (text: Gong may add values).</summary>
    public string? Affiliation { get; init; }

    public string? PhoneNumber { get; init; }

    /// <summary>Gets Gong's value: <c>Invitee</c>, <c>Attendee</c> (text: Gong may add values).</summary>
    public IReadOnlyList<string>? Methods { get; init; }
}

/// <summary>A speaker and their talk time in seconds.</summary>
public sealed record CallSpeaker
{
    public string? Id { get; init; }
    public string? UserId { get; init; }
    public double? TalkTime { get; init; }
}

/// <summary>A part of a call's agenda and its duration.</summary>
public sealed record CallStructureSection
{
    public string? Name { get; init; }
    public long? Duration { get; init; }
}

/// <summary>A topic and how long it was discussed.</summary>
public sealed record CallTopic
{
    public string? Name { get; init; }
    public int? Duration { get; init; }
}

/// <summary>A tracker and where it occurred in a call.</summary>
public sealed record CallTracker
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public int? Count { get; init; }

    /// <summary>Gets Gong's value: <c>KEYWORD</c>, <c>SMART</c> (text: Gong may add values).</summary>
    public string? Type { get; init; }

    public IReadOnlyList<TrackerOccurrence>? Occurrences { get; init; }
    public IReadOnlyList<TrackerPhrase>? Phrases { get; init; }
}

/// <summary>Which calls <c>POST /v2/calls/extensive</c> lists.</summary>
public sealed record CallsExtensiveFilter
{
    public DateTimeOffset? FromDateTime { get; init; }
    public DateTimeOffset? ToDateTime { get; init; }
    public string? WorkspaceId { get; init; }
    public IReadOnlyList<string>? CallIds { get; init; }
    public IReadOnlyList<string>? PrimaryUserIds { get; init; }
}

/// <summary>One page of <c>POST /v2/calls/extensive</c>.</summary>
public sealed record CallsExtensivePage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<CallData>? Calls { get; init; }
}

/// <summary>The body of <c>POST /v2/calls/extensive</c>: which calls and what to expose of them.</summary>
public sealed record CallsExtensiveRequest
{
    public string? Cursor { get; init; }
    public required CallsExtensiveFilter Filter { get; init; }
    public ContentSelector? ContentSelector { get; init; }
}

/// <summary>What <c>POST /v2/calls/extensive</c> returns besides metadata: CRM context (<c>None</c>, <c>Basic</c>, <c>Extended</c>) and the exposed fields.</summary>
public sealed record ContentSelector
{
    /// <summary>Gets Gong's value: <c>None</c>, <c>Basic</c>, <c>Extended</c> (text: Gong may add values).</summary>
    public string? Context { get; init; }

    /// <summary>Gets Gong's value: <c>Now</c>, <c>TimeOfCall</c> (text: Gong may add values).</summary>
    public IReadOnlyList<string>? ContextTiming { get; init; }

    public ExposedFields? ExposedFields { get; init; }
}

/// <summary>Which collaboration data of the calls is returned.</summary>
public sealed record ExposedCollaborationFields
{
    public bool? PublicComments { get; init; }
}

/// <summary>Which content of the calls is returned.</summary>
public sealed record ExposedContentFields
{
    public bool? Structure { get; init; }
    public bool? Topics { get; init; }
    public bool? Trackers { get; init; }
    public bool? TrackerOccurrences { get; init; }
    public bool? PointsOfInterest { get; init; }
    public bool? Brief { get; init; }
    public bool? Outline { get; init; }
    public bool? Highlights { get; init; }
    public bool? CallOutcome { get; init; }
    public bool? KeyPoints { get; init; }
}

/// <summary>Which parts of the calls <c>POST /v2/calls/extensive</c> returns.</summary>
public sealed record ExposedFields
{
    public bool? Parties { get; init; }
    public ExposedContentFields? Content { get; init; }
    public ExposedInteractionFields? Interaction { get; init; }
    public ExposedCollaborationFields? Collaboration { get; init; }
    public bool? Media { get; init; }
}

/// <summary>Which interaction measures of the calls are returned.</summary>
public sealed record ExposedInteractionFields
{
    public bool? Speakers { get; init; }
    public bool? Video { get; init; }
    public bool? PersonInteractionStats { get; init; }
    public bool? Questions { get; init; }
}

/// <summary>The CRM objects a party is, in one CRM system.</summary>
public sealed record PartyCrmContext
{
    /// <summary>Gets Gong's value: <c>Salesforce</c>, <c>HubSpot</c>, <c>MicrosoftDynamic</c>, <c>Generic</c> (text: Gong may add values).</summary>
    public string? System { get; init; }

    public IReadOnlyList<PartyCrmObject>? Objects { get; init; }
}

/// <summary>A CRM object (contact, user, lead) a party is.</summary>
public sealed record PartyCrmObject
{
    /// <summary>Gets Gong's value: <c>Contact</c>, <c>User</c>, <c>Lead</c> (text: Gong may add values).</summary>
    public string? ObjectType { get; init; }

    public string? ObjectId { get; init; }
    public IReadOnlyList<CrmContextField>? Fields { get; init; }

    /// <summary>Gets Gong's value: <c>Now</c>, <c>TimeOfCall</c> (text: Gong may add values).</summary>
    public string? Timing { get; init; }
}

/// <summary>How many questions each side asked.</summary>
public sealed record QuestionCounts
{
    public int? CompanyCount { get; init; }
    public int? NonCompanyCount { get; init; }
}

/// <summary>One occurrence of a tracker (seconds from the start).</summary>
public sealed record TrackerOccurrence
{
    public double? StartTime { get; init; }
    public string? SpeakerId { get; init; }
}

/// <summary>A phrase of a tracker and its occurrences.</summary>
public sealed record TrackerPhrase
{
    public int? Count { get; init; }
    public IReadOnlyList<TrackerOccurrence>? Occurrences { get; init; }
    public string? Phrase { get; init; }
}

/// <summary>A video measure and its duration.</summary>
public sealed record VideoInteraction
{
    public string? Name { get; init; }
    public double? Duration { get; init; }
}
