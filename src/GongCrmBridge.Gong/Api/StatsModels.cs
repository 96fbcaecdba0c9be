#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>Activity counts: calls hosted, attended, listened to, shared, feedback, comments, scorecards.</summary>
public sealed record AggregateActivity
{
    public int? CallsAsHost { get; init; }
    public int? CallsGaveFeedback { get; init; }
    public int? CallsRequestedFeedback { get; init; }
    public int? CallsReceivedFeedback { get; init; }
    public int? OwnCallsListenedTo { get; init; }
    public int? OthersCallsListenedTo { get; init; }
    public int? CallsSharedInternally { get; init; }
    public int? CallsSharedExternally { get; init; }
    public int? CallsScorecardsFilled { get; init; }
    public int? CallsScorecardsReceived { get; init; }
    public int? CallsAttended { get; init; }
    public int? CallsCommentsGiven { get; init; }
    public int? CallsCommentsReceived { get; init; }
    public int? CallsMarkedAsFeedbackGiven { get; init; }
    public int? CallsMarkedAsFeedbackReceived { get; init; }
}

/// <summary>One page of <c>POST /v2/stats/activity/aggregate</c>.</summary>
public sealed record AggregateActivityPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<UserAggregateActivity>? UsersAggregateActivityStats { get; init; }
    public string? FromDateTime { get; init; }
    public string? ToDateTime { get; init; }
    public string? TimeZone { get; init; }
}

/// <summary>A scorecard filled in for a call.</summary>
public sealed record AnsweredScorecard
{
    public long? AnsweredScorecardId { get; init; }
    public long? ScorecardId { get; init; }
    public string? ScorecardName { get; init; }
    public long? CallId { get; init; }
    public DateTimeOffset? CallStartTime { get; init; }
    public long? ReviewedUserId { get; init; }
    public long? ReviewerUserId { get; init; }

    /// <summary>Gets Gong's value: <c>AUTOMATIC</c>, <c>MANUAL</c> (text: Gong may add values).</summary>
    public string? ReviewMethod { get; init; }

    public long? EditorUserId { get; init; }
    public DateTimeOffset? ReviewTime { get; init; }

    /// <summary>Gets Gong's value: <c>PUBLIC</c>, <c>PRIVATE</c>, <c>OPT_IN_USERS</c>, <c>MANAGERS</c>, <c>MANAGERS_AND_REVIEWEE</c> (text: Gong may add values).</summary>
    public string? VisibilityType { get; init; }

    public IReadOnlyList<ScorecardAnswer>? Answers { get; init; }
}

/// <summary>Which answered scorecards: by call or review dates, reviewed users, scorecards, review method.</summary>
public sealed record AnsweredScorecardsFilter
{
    public string? CallFromDate { get; init; }
    public string? CallToDate { get; init; }
    public string? ReviewFromDate { get; init; }
    public string? ReviewToDate { get; init; }

    /// <summary>Gets Gong's value: <c>AUTOMATIC</c>, <c>MANUAL</c>, <c>BOTH</c> (text: Gong may add values).</summary>
    public string? ReviewMethod { get; init; }

    public IReadOnlyList<string>? ReviewedUserIds { get; init; }
    public IReadOnlyList<string>? ScorecardIds { get; init; }
}

/// <summary>One page of <c>POST /v2/stats/activity/scorecards</c>.</summary>
public sealed record AnsweredScorecardsPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<AnsweredScorecard>? AnsweredScorecards { get; init; }
}

/// <summary>The body of <c>POST /v2/stats/activity/scorecards</c>.</summary>
public sealed record AnsweredScorecardsRequest
{
    public string? Cursor { get; init; }
    public required AnsweredScorecardsFilter Filter { get; init; }
}

/// <summary>One day's activity: the ids of the calls behind each count.</summary>
public sealed record DailyActivity
{
    public IReadOnlyList<string>? CallsAsHost { get; init; }
    public IReadOnlyList<string>? CallsGaveFeedback { get; init; }
    public IReadOnlyList<string>? CallsRequestedFeedback { get; init; }
    public IReadOnlyList<string>? CallsReceivedFeedback { get; init; }
    public IReadOnlyList<string>? OwnCallsListenedTo { get; init; }
    public IReadOnlyList<string>? OthersCallsListenedTo { get; init; }
    public IReadOnlyList<string>? CallsSharedInternally { get; init; }
    public IReadOnlyList<string>? CallsSharedExternally { get; init; }
    public IReadOnlyList<string>? CallsAttended { get; init; }
    public IReadOnlyList<string>? CallsCommentsGiven { get; init; }
    public IReadOnlyList<string>? CallsCommentsReceived { get; init; }
    public IReadOnlyList<string>? CallsMarkedAsFeedbackGiven { get; init; }
    public IReadOnlyList<string>? CallsMarkedAsFeedbackReceived { get; init; }
    public IReadOnlyList<string>? CallsScorecardsFilled { get; init; }
    public IReadOnlyList<string>? CallsScorecardsReceived { get; init; }
    public string? FromDate { get; init; }
    public string? ToDate { get; init; }
}

/// <summary>One page of <c>POST /v2/stats/activity/day-by-day</c>.</summary>
public sealed record DayByDayActivityPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<UserDayByDayActivity>? UsersDetailedActivities { get; init; }
}

/// <summary>One page of <c>POST /v2/stats/interaction</c>.</summary>
public sealed record InteractionStatsPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<UserInteractionStats>? PeopleInteractionStats { get; init; }
    public string? FromDateTime { get; init; }
    public string? ToDateTime { get; init; }
    public string? TimeZone { get; init; }
}

/// <summary>The answer to one scorecard question.</summary>
public sealed record ScorecardAnswer
{
    public long? QuestionId { get; init; }
    public long? QuestionRevisionId { get; init; }
    public bool? IsOverall { get; init; }
    public int? Score { get; init; }
    public string? AnswerText { get; init; }
    public bool? NotApplicable { get; init; }
    public IReadOnlyList<string>? SelectedOptions { get; init; }
}

/// <summary>One user's activity totals.</summary>
public sealed record UserAggregateActivity
{
    public string? UserId { get; init; }
    public string? UserEmailAddress { get; init; }
    public AggregateActivity? UserAggregateActivityStats { get; init; }
}

/// <summary>One user's daily activity.</summary>
public sealed record UserDayByDayActivity
{
    public string? UserId { get; init; }
    public string? UserEmailAddress { get; init; }
    public IReadOnlyList<DailyActivity>? UserDailyActivityStats { get; init; }
}

/// <summary>One user's interaction stats.</summary>
public sealed record UserInteractionStats
{
    public string? UserId { get; init; }
    public string? UserEmailAddress { get; init; }
    public IReadOnlyList<InteractionStat>? PersonInteractionStats { get; init; }
}

/// <summary>Which users and dates the stats cover (<c>fromDate</c> inclusive, <c>toDate</c> exclusive, in the company's time zone).</summary>
public sealed record UserStatsFilter
{
    public required DateOnly FromDate { get; init; }
    public required DateOnly ToDate { get; init; }
    public DateTimeOffset? CreatedFromDateTime { get; init; }
    public DateTimeOffset? CreatedToDateTime { get; init; }
    public IReadOnlyList<string>? UserIds { get; init; }
}

/// <summary>The body of the user stats operations (aggregate, day by day, interaction).</summary>
public sealed record UserStatsRequest
{
    public string? Cursor { get; init; }
    public required UserStatsFilter Filter { get; init; }
}
