#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>The body of <c>DELETE /v2/meetings/{meetingId}</c>.</summary>
public sealed record DeleteMeetingRequest
{
    public string? OrganizerEmail { get; init; }
}

/// <summary>The body of <c>POST /v2/meetings/integration/status</c> (at most 100 e-mail addresses).</summary>
public sealed record MeetingIntegrationStatusRequest
{
    public IReadOnlyList<string>? Emails { get; init; }
}

/// <summary>The answer of <c>POST /v2/meetings/integration/status</c>.</summary>
public sealed record MeetingIntegrationStatusResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<MeetingUserStatus>? Users { get; init; }
}

/// <summary>An invitee of a meeting.</summary>
public sealed record MeetingInvitee
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
}

/// <summary>The body of <c>POST /v2/meetings</c> and <c>PUT /v2/meetings/{meetingId}</c>.</summary>
public sealed record MeetingRequest
{
    public required string StartTime { get; init; }
    public required string EndTime { get; init; }
    public string? Title { get; init; }
    public required IReadOnlyList<MeetingInvitee> Invitees { get; init; }
    public string? ExternalId { get; init; }
    public string? Provider { get; init; }
    public required string OrganizerEmail { get; init; }
}

/// <summary>Whether an e-mail address is a Gong user whose meeting integration works.</summary>
public sealed record MeetingUserStatus
{
    public string? Email { get; init; }
    public bool? Exists { get; init; }
    public bool? Valid { get; init; }
    public string? UserFacingError { get; init; }
    public string? FixUrl { get; init; }
    public string? HelpUrl { get; init; }
}

/// <summary>The answer of <c>POST /v2/meetings</c>.</summary>
public sealed record NewMeetingResponse
{
    public string? RequestId { get; init; }
    public string? MeetingId { get; init; }
    public string? MeetingUrl { get; init; }
    public IReadOnlyList<MeetingInvitee>? AdditionalInvitees { get; init; }
}

/// <summary>The answer of <c>PUT /v2/meetings/{meetingId}</c>.</summary>
public sealed record UpdateMeetingResponse
{
    public string? RequestId { get; init; }
    public string? MeetingId { get; init; }
}
