#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>A keyword tracker.</summary>
public sealed record KeywordTracker
{
    public string? TrackerId { get; init; }
    public string? TrackerName { get; init; }
    public string? WorkspaceId { get; init; }
    public IReadOnlyList<TrackerLanguageKeyword>? LanguageKeywords { get; init; }
    public string? Affiliation { get; init; }
    public bool? PartOfQuestion { get; init; }
    public string? SaidAt { get; init; }
    public int? SaidAtInterval { get; init; }
    public string? SaidAtUnit { get; init; }
    public IReadOnlyList<string>? SaidInTopics { get; init; }
    public string? FilterQuery { get; init; }
    public string? Created { get; init; }
    public string? CreatorUserId { get; init; }
    public string? Updated { get; init; }
    public string? UpdaterUserId { get; init; }
}

/// <summary>An answer option of a scorecard question.</summary>
public sealed record QuestionOption
{
    public int? Id { get; init; }
    public string? Text { get; init; }
}

/// <summary>A scorecard and its questions.</summary>
public sealed record Scorecard
{
    public long? ScorecardId { get; init; }
    public string? ScorecardName { get; init; }
    public long? WorkspaceId { get; init; }
    public bool? Enabled { get; init; }
    public long? UpdaterUserId { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Gets Gong's value: <c>AUTOMATIC</c>, <c>MANUAL</c> (text: Gong may add values).</summary>
    public string? ReviewMethod { get; init; }

    public IReadOnlyList<ScorecardQuestion>? Questions { get; init; }
}

/// <summary>A scorecard question.</summary>
public sealed record ScorecardQuestion
{
    public long? QuestionId { get; init; }
    public long? QuestionRevisionId { get; init; }
    public string? QuestionText { get; init; }
    public bool? IsOverall { get; init; }
    public string? QuestionType { get; init; }
    public string? AnswerGuide { get; init; }
    public int? MinRange { get; init; }
    public int? MaxRange { get; init; }
    public IReadOnlyList<QuestionOption>? AnswerOptions { get; init; }
}

/// <summary>The answer of <c>GET /v2/settings/scorecards</c>.</summary>
public sealed record ScorecardsResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<Scorecard>? Scorecards { get; init; }
}

/// <summary>A tracker's keywords in one language.</summary>
public sealed record TrackerLanguageKeyword
{
    public string? Language { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
    public bool? IncludeRelatedForms { get; init; }
}

/// <summary>The answer of <c>GET /v2/settings/trackers</c>.</summary>
public sealed record TrackersResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<KeywordTracker>? KeywordTrackers { get; init; }
}
