#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>A call's metadata: title, times, duration, primary user, direction, workspace.</summary>
public sealed record CallBasicData
{
    public string? Id { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset? Scheduled { get; init; }
    public DateTimeOffset? Started { get; init; }
    public long? Duration { get; init; }
    public string? PrimaryUserId { get; init; }

    /// <summary>Gets Gong's value: <c>Inbound</c>, <c>Outbound</c>, <c>Conference</c>, <c>Unknown</c> (text: Gong may add values).</summary>
    public string? Direction { get; init; }

    public string? System { get; init; }

    /// <summary>Gets Gong's value: <c>Internal</c>, <c>External</c>, <c>Unknown</c> (text: Gong may add values).</summary>
    public string? Scope { get; init; }

    /// <summary>Gets Gong's value: <c>Video</c>, <c>Audio</c> (text: Gong may add values).</summary>
    public string? Media { get; init; }

    public string? Language { get; init; }
    public string? WorkspaceId { get; init; }
    public string? SdrDisposition { get; init; }
    public string? ClientUniqueId { get; init; }
    public string? CustomData { get; init; }
    public string? Purpose { get; init; }
    public string? MeetingUrl { get; init; }
    public bool? IsPrivate { get; init; }
    public string? CalendarEventId { get; init; }
}

/// <summary>The answer of <c>PUT /v2/calls/{id}/media</c>.</summary>
public sealed record CallMediaResponse
{
    public string? RequestId { get; init; }
    public string? CallId { get; init; }
    public string? Url { get; init; }
}

/// <summary>A party of a call to add.</summary>
public sealed record CallParticipant
{
    public string? PhoneNumber { get; init; }
    public string? EmailAddress { get; init; }
    public string? Name { get; init; }
    public string? PartyId { get; init; }
    public int? MediaChannelId { get; init; }
    public IReadOnlyList<PartyUploadContext>? Context { get; init; }
    public string? UserId { get; init; }
}

/// <summary>The answer of <c>GET /v2/calls/{id}</c>.</summary>
public sealed record CallResponse
{
    public string? RequestId { get; init; }
    public CallBasicData? Call { get; init; }
}

/// <summary>The transcript of one call.</summary>
public sealed record CallTranscript
{
    public string? CallId { get; init; }
    public IReadOnlyList<Monologue>? Transcript { get; init; }
}

/// <summary>Which calls: by time range, workspace and/or ids.</summary>
public sealed record CallsFilter
{
    public DateTimeOffset? FromDateTime { get; init; }
    public DateTimeOffset? ToDateTime { get; init; }
    public string? WorkspaceId { get; init; }
    public IReadOnlyList<string>? CallIds { get; init; }
}

/// <summary>One page of <c>GET /v2/calls</c>.</summary>
public sealed record CallsPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<CallBasicData>? Calls { get; init; }
}

/// <summary>The Engage task a call to add belongs to.</summary>
public sealed record FlowContext
{
    public string? TaskId { get; init; }
}

/// <summary>What one speaker said without interruption.</summary>
public sealed record Monologue
{
    public string? SpeakerId { get; init; }
    public string? Topic { get; init; }
    public IReadOnlyList<Sentence>? Sentences { get; init; }
}

/// <summary>The body of <c>POST /v2/calls</c>: a call to add (its media follows with <c>PUT /v2/calls/{id}/media</c>).</summary>
public sealed record NewCallRequest
{
    public required string ClientUniqueId { get; init; }
    public string? Title { get; init; }
    public string? Purpose { get; init; }
    public string? ScheduledStart { get; init; }
    public string? ScheduledEnd { get; init; }
    public required string ActualStart { get; init; }
    public double? Duration { get; init; }
    public required IReadOnlyList<CallParticipant> Parties { get; init; }

    /// <summary>Gets Gong's value: <c>Inbound</c>, <c>Outbound</c>, <c>Conference</c>, <c>Unknown</c> (text: Gong may add values).</summary>
    public required string Direction { get; init; }

    public string? Disposition { get; init; }
    public IReadOnlyList<CallUploadContext>? Context { get; init; }
    public string? CustomData { get; init; }
    public SpeakersTimeline? SpeakersTimeline { get; init; }
    public string? MeetingUrl { get; init; }
    public string? CallProviderCode { get; init; }
    public string? DownloadMediaUrl { get; init; }
    public string? WorkspaceId { get; init; }
    public string? LanguageCode { get; init; }
    public FlowContext? FlowContext { get; init; }
    public required string PrimaryUser { get; init; }
}

/// <summary>The answer of <c>POST /v2/calls</c>: the new call's id.</summary>
public sealed record NewCallResponse
{
    public string? RequestId { get; init; }
    public string? CallId { get; init; }
}

/// <summary>One sentence, with its start and end in milliseconds.</summary>
public sealed record Sentence
{
    public long? Start { get; init; }
    public long? End { get; init; }
    public string? Text { get; init; }
}

/// <summary>Who spoke when, for a call to add.</summary>
public sealed record SpeakersTimeline
{
    public bool? Precise { get; init; }
    public IReadOnlyList<SpeechSegment>? SpeechSegments { get; init; }
}

/// <summary>One stretch of speech of some parties.</summary>
public sealed record SpeechSegment
{
    public required int FromTime { get; init; }
    public required int ToTime { get; init; }
    public required IReadOnlyList<string> PartyIds { get; init; }
}

/// <summary>One page of <c>POST /v2/calls/transcript</c>.</summary>
public sealed record TranscriptsPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<CallTranscript>? CallTranscripts { get; init; }
}

/// <summary>The body of <c>POST /v2/calls/transcript</c>.</summary>
public sealed record TranscriptsRequest
{
    public string? Cursor { get; init; }
    public required CallsFilter Filter { get; init; }
}
