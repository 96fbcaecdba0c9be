#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>A web-conferencing provider of a user.</summary>
public sealed record ConferencingProvider
{
    public string? Provider { get; init; }
    public bool? IsDefault { get; init; }
}

/// <summary>A Gong user: e-mail address and aliases, name, manager, recording and import settings.</summary>
public sealed record GongUser
{
    public string? Id { get; init; }
    public string? EmailAddress { get; init; }
    public string? Created { get; init; }
    public bool? Active { get; init; }
    public IReadOnlyList<string>? EmailAliases { get; init; }
    public string? TrustedEmailAddress { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Title { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Extension { get; init; }
    public IReadOnlyList<string>? PersonalMeetingUrls { get; init; }
    public GongUserSettings? Settings { get; init; }
    public string? ManagerId { get; init; }
    public string? MeetingConsentPageUrl { get; init; }
    public IReadOnlyList<ConferencingProvider>? ConferencingProviders { get; init; }
    public IReadOnlyList<SpokenLanguage>? SpokenLanguages { get; init; }
}

/// <summary>What Gong records and imports for a user.</summary>
public sealed record GongUserSettings
{
    public bool? WebConferencesRecorded { get; init; }
    public bool? PreventWebConferenceRecording { get; init; }
    public bool? TelephonyCallsImported { get; init; }
    public bool? EmailsImported { get; init; }
    public bool? PreventEmailImport { get; init; }
    public bool? NonRecordedMeetingsImported { get; init; }
    public bool? GongConnectEnabled { get; init; }
}

/// <summary>A language a user speaks (BCP-47).</summary>
public sealed record SpokenLanguage
{
    public string? Language { get; init; }
    public bool? Primary { get; init; }
}

/// <summary>The answer of <c>GET /v2/users/{id}</c>.</summary>
public sealed record UserResponse
{
    public string? RequestId { get; init; }
    public GongUser? User { get; init; }
}

/// <summary>One change of a user setting, with its time.</summary>
public sealed record UserSettingChange
{
    /// <summary>Gets Gong's value: <c>webConferencesRecorded</c>, <c>preventWebConferenceRecording</c>, <c>emailsImported</c>, <c>preventEmailImport</c>, <c>active</c>, <c>nonRecordedMeetingsImported</c>, <c>gongConnectEnabled</c>, <c>callsImported</c>, <c>interviewsRecorded</c>, <c>preventInterviewRecording</c> (text: Gong may add values).</summary>
    public string? Setting { get; init; }

    public bool? Value { get; init; }
    public string? Time { get; init; }
}

/// <summary>The answer of <c>GET /v2/users/{id}/settings-history</c>.</summary>
public sealed record UserSettingsHistoryResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<UserSettingChange>? UserSettingsHistory { get; init; }
}

/// <summary>The body of <c>POST /v2/users/extensive</c>.</summary>
public sealed record UsersExtensiveRequest
{
    public string? Cursor { get; init; }
    public required UsersFilter Filter { get; init; }
}

/// <summary>Which users <c>POST /v2/users/extensive</c> lists: by ids and/or creation time.</summary>
public sealed record UsersFilter
{
    public DateTimeOffset? CreatedFromDateTime { get; init; }
    public DateTimeOffset? CreatedToDateTime { get; init; }
    public bool? IncludeAvatars { get; init; }
    public IReadOnlyList<string>? UserIds { get; init; }
}

/// <summary>One page of <c>GET /v2/users</c> or <c>POST /v2/users/extensive</c>.</summary>
public sealed record UsersPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<GongUser>? Users { get; init; }
}
