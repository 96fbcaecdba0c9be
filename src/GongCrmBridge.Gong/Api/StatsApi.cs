using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's stats: users' activity (totals and day by day), interaction stats, answered scorecards.</summary>
public sealed class StatsApi
{
    private readonly GongTransport _transport;

    internal StatsApi(GongTransport transport) => _transport = transport;

    /// <summary><c>POST /v2/stats/activity/aggregate</c>: each user's activity totals over the dates, page by page.</summary>
    /// <param name="filter">Which users and dates.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages.</returns>
    public IAsyncEnumerable<AggregateActivityPage> ListAggregateActivityAsync(UserStatsFilter filter, string? cursor = null, CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(Request(GongOperations.ListAggregateActivity, filter, cursor), GongApiJson.Default.AggregateActivityPage, cancellationToken);

    /// <summary><c>POST /v2/stats/activity/day-by-day</c>: each user's activity per day (the calls behind each count), page by page.</summary>
    /// <param name="filter">Which users and dates.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages.</returns>
    public IAsyncEnumerable<DayByDayActivityPage> ListDayByDayActivityAsync(UserStatsFilter filter, string? cursor = null, CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(Request(GongOperations.ListDayByDayActivity, filter, cursor), GongApiJson.Default.DayByDayActivityPage, cancellationToken);

    /// <summary><c>POST /v2/stats/interaction</c>: each user's interaction stats (talk ratio, patience, …), page by page.</summary>
    /// <param name="filter">Which users and dates.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages; none when Gong has no stats for the dates.</returns>
    public IAsyncEnumerable<InteractionStatsPage> ListInteractionStatsAsync(UserStatsFilter filter, string? cursor = null, CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(Request(GongOperations.ListInteractionStats, filter, cursor), GongApiJson.Default.InteractionStatsPage, cancellationToken);

    /// <summary><c>POST /v2/stats/activity/scorecards</c>: the scorecards filled in for calls, page by page.</summary>
    /// <param name="filter">Which scorecards.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages; none when no scorecard matches.</returns>
    public IAsyncEnumerable<AnsweredScorecardsPage> ListAnsweredScorecardsAsync(AnsweredScorecardsFilter filter, string? cursor = null, CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(
            ApiSend.WithJson(GongOperations.ListAnsweredScorecards, new AnsweredScorecardsRequest { Filter = filter }, GongApiJson.Default.AnsweredScorecardsRequest).From(cursor),
            GongApiJson.Default.AnsweredScorecardsPage,
            cancellationToken);

    private static GongRequest Request(GongOperation operation, UserStatsFilter filter, string? cursor) =>
        ApiSend.WithJson(operation, new UserStatsRequest { Filter = filter }, GongApiJson.Default.UserStatsRequest).From(cursor);
}
