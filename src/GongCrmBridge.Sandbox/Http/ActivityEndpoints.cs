using System.Globalization;
using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Store;
using GongCrmBridge.Sandbox.Wire;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>What Gong measures of its users: activity and interaction stats and answered scorecards (computed from
/// the company's calls), audit logs, coaching metrics.</summary>
internal sealed class ActivityEndpoints(SandboxOptions options, CompanyStore company) : IEndpoints
{
    private static readonly string[] LogTypes = ["AccessLog", "UserActivityLog", "UserCallPlay", "ExternallySharedCallAccess", "ExternallySharedCallPlay"];

    public IEnumerable<(SandboxRoute Route, Endpoint Handle)> Routes =>
    [
        (SandboxRoute.AggregateActivity, (r, ct) => StatsAsync(r, Aggregate, "usersAggregateActivityStats", ct)),
        (SandboxRoute.DayByDayActivity, (r, ct) => StatsAsync(r, DayByDay, "usersDetailedActivities", ct)),
        (SandboxRoute.InteractionStats, (r, ct) => StatsAsync(r, Interaction, "peopleInteractionStats", ct)),
        (SandboxRoute.AnsweredScorecards, ScorecardsAsync),
        (SandboxRoute.ListLogs, (r, _) => Task.FromResult(Logs(r))),
        (SandboxRoute.ListCoaching, (r, _) => Task.FromResult(Coaching(r))),
    ];

    private static JsonObject Aggregate(SandboxUser user, IReadOnlyList<SandboxCall> calls) => new()
    {
        ["userId"] = user.Id,
        ["userEmailAddress"] = user.EmailAddress,
        ["userAggregateActivityStats"] = new JsonObject
        {
            ["callsAsHost"] = calls.Count(c => c.PrimaryUserId == user.Id),
            ["callsAttended"] = calls.Count(c => c.Parties.Any(p => p.UserId == user.Id)),
            ["callsGaveFeedback"] = 0,
            ["callsRequestedFeedback"] = 0,
            ["callsReceivedFeedback"] = 0,
            ["ownCallsListenedTo"] = 0,
            ["othersCallsListenedTo"] = 0,
            ["callsSharedInternally"] = 0,
            ["callsSharedExternally"] = 0,
            ["callsScorecardsFilled"] = 0,
            ["callsScorecardsReceived"] = 0,
            ["callsCommentsGiven"] = 0,
            ["callsCommentsReceived"] = 0,
        },
    };

    private static JsonObject DayByDay(SandboxUser user, IReadOnlyList<SandboxCall> calls) => new()
    {
        ["userId"] = user.Id,
        ["userEmailAddress"] = user.EmailAddress,
        ["userDailyActivityStats"] = new JsonArray([.. calls.Where(c => c.Parties.Any(p => p.UserId == user.Id)).GroupBy(c => DateOnly.FromDateTime(c.Started.UtcDateTime)).Select(day => (JsonNode)new JsonObject
        {
            ["callsAsHost"] = CompanyShapes.Strings(day.Where(c => c.PrimaryUserId == user.Id).Select(c => c.Id)),
            ["callsAttended"] = CompanyShapes.Strings(day.Select(c => c.Id)),
            ["fromDate"] = day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["toDate"] = day.Key.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })]),
    };

    private static JsonObject Interaction(SandboxUser user, IReadOnlyList<SandboxCall> calls)
    {
        var hosted = calls.Where(c => c.PrimaryUserId == user.Id).ToList();
        return new JsonObject
        {
            ["userId"] = user.Id,
            ["userEmailAddress"] = user.EmailAddress,
            ["personInteractionStats"] = new JsonArray(
                new JsonObject { ["name"] = "Talk Ratio", ["value"] = hosted.Count == 0 ? 0 : Math.Round(1.0 / hosted.Average(c => c.Parties.Count), 2) },
                new JsonObject { ["name"] = "Interactivity", ["value"] = hosted.Count * 1.5 }),
        };
    }

    private async Task<ApiResult> StatsAsync(ApiRequest request, Func<SandboxUser, IReadOnlyList<SandboxCall>, JsonObject> shape, string property, CancellationToken ct)
    {
        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } body)
        {
            return request.NoBody();
        }

        if (body["filter"] is not JsonObject filter)
        {
            return request.Missing("filter");
        }

        if (!TryDate(filter["fromDate"]?.ToString(), out var from) || !TryDate(filter["toDate"]?.ToString(), out var to))
        {
            return request.BadRequest("filter.fromDate and filter.toDate are mandatory dates (yyyy-MM-dd)");
        }

        var ids = filter["userIds"] is JsonArray list ? list.Select(i => i?.ToString()).ToHashSet(StringComparer.Ordinal) : null;
        var users = company.Users.Where(u => !u.IsAvatar && (ids is null || ids.Contains(u.Id))).ToList();
        if (users.Count == 0)
        {
            return request.NotFound("User not found");
        }

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var calls = company.Calls().Where(c => c.Started >= start && c.Started < end).ToList();
        if (!Paging.TryPage(users, Paging.BodyCursor(body), options.PageSize, out var page, out var records, out var error))
        {
            return request.BadRequest(error!);
        }

        return request.Ok(new JsonObject
        {
            ["records"] = records,
            [property] = new JsonArray([.. page.Select(u => (JsonNode)shape(u, calls))]),
            ["fromDateTime"] = CompanyShapes.DateTime(start),
            ["toDateTime"] = CompanyShapes.DateTime(end),
            ["timeZone"] = "UTC",
        });
    }

    private async Task<ApiResult> ScorecardsAsync(ApiRequest request, CancellationToken ct)
    {
        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } body)
        {
            return request.NoBody();
        }

        var filter = body["filter"] as JsonObject ?? [];
        if (!ApiRequest.TryTime(filter["callFromDate"]?.ToString(), "callFromDate", out var from, out var error)
            || !ApiRequest.TryTime(filter["callToDate"]?.ToString(), "callToDate", out var to, out error))
        {
            return request.BadRequest(error!);
        }

        var reviewed = filter["reviewedUserIds"] is JsonArray list ? list.Select(i => i?.ToString()).ToHashSet(StringComparer.Ordinal) : null;
        var answered = company.Calls()
            .Where(c => (from is null || c.Started >= from) && (to is null || c.Started < to) && (reviewed is null || reviewed.Contains(c.PrimaryUserId)))
            .OrderBy(c => c.Started)
            .Select((call, i) => new JsonObject
            {
                ["answeredScorecardId"] = 90_000 + i,
                ["scorecardId"] = 5001,
                ["scorecardName"] = "Discovery",
                ["callId"] = long.Parse(call.Id, CultureInfo.InvariantCulture),
                ["callStartTime"] = CompanyShapes.DateTime(call.Started),
                ["reviewedUserId"] = long.Parse(call.PrimaryUserId, CultureInfo.InvariantCulture),
                ["reviewerUserId"] = long.Parse(company.FindUser(call.PrimaryUserId)?.ManagerId ?? call.PrimaryUserId, CultureInfo.InvariantCulture),
                ["reviewMethod"] = "MANUAL",
                ["reviewTime"] = CompanyShapes.DateTime(call.Started.AddDays(1)),
                ["visibilityType"] = "PUBLIC",
                ["answers"] = new JsonArray(new JsonObject { ["questionId"] = 6001, ["questionRevisionId"] = 6101, ["isOverall"] = false, ["score"] = 4, ["notApplicable"] = false }),
            })
            .ToList();
        if (answered.Count == 0)
        {
            return request.NotFound("Answered scorecards not found");
        }

        return Paging.TryPage(answered, Paging.BodyCursor(body), options.PageSize, out var page, out var records, out error)
            ? request.Ok(new JsonObject { ["records"] = records, ["answeredScorecards"] = new JsonArray([.. page.Select(a => (JsonNode)a)]) })
            : request.BadRequest(error!);
    }

    private ApiResult Logs(ApiRequest request)
    {
        var logType = request.Query("logType");
        if (logType is null || !LogTypes.Contains(logType))
        {
            return request.BadRequest("logType must be one of " + string.Join(", ", LogTypes));
        }

        if (request.Query("fromDateTime") is null)
        {
            return request.Missing("fromDateTime");
        }

        if (!ApiRequest.TryTime(request.Query("fromDateTime"), "fromDateTime", out var from, out var error)
            || !ApiRequest.TryTime(request.Query("toDateTime"), "toDateTime", out var to, out error))
        {
            return request.BadRequest(error!);
        }

        // One entry per call in the range: its host opened it.
        var entries = company.Calls()
            .Where(c => c.Started >= from && (to is null || c.Started < to))
            .OrderBy(c => c.Started)
            .Select(c => (company.FindUser(c.PrimaryUserId), c))
            .Where(pair => pair.Item1 is not null)
            .Select(pair => new JsonObject
            {
                ["userId"] = pair.Item1!.Id,
                ["userEmailAddress"] = pair.Item1.EmailAddress,
                ["userFullName"] = pair.Item1.FirstName + " " + pair.Item1.LastName,
                ["eventTime"] = CompanyShapes.DateTime(pair.c.Started.AddHours(2)),
                ["logRecord"] = new JsonObject { ["logType"] = logType, ["callId"] = pair.c.Id },
            })
            .ToList();
        if (entries.Count == 0)
        {
            return request.NotFound("No logs found corresponding to the provided filters");
        }

        return Paging.TryPage(entries, request.Query("cursor"), options.PageSize, out var page, out var records, out error)
            ? request.Ok(new JsonObject { ["records"] = records, ["logEntries"] = new JsonArray([.. page.Select(e => (JsonNode)e)]) })
            : request.BadRequest(error!);
    }

    private ApiResult Coaching(ApiRequest request)
    {
        var missing = new[] { "workspace-id", "manager-id", "from", "to" }.Where(name => request.Query(name) is null).ToList();
        if (missing.Count > 0)
        {
            return request.BadRequest([.. missing.Select(name => name + " is missing")]);
        }

        if (company.FindUser(request.Query("manager-id")) is not { } manager)
        {
            return request.BadRequest("manager-id is not a Gong user");
        }

        var reports = company.Users.Where(u => u.ManagerId == manager.Id).Select(u => (JsonNode)new JsonObject
        {
            ["report"] = Person(u),
            ["metrics"] = new JsonObject { ["callsListenedTo"] = new JsonArray("0"), ["callsAttended"] = new JsonArray("1") },
        });
        return request.Ok(new JsonObject
        {
            ["coachingData"] = new JsonArray(new JsonObject { ["manager"] = Person(manager), ["directReportsMetrics"] = new JsonArray([.. reports]) }),
        });
    }

    private static JsonObject Person(SandboxUser user) => new()
    {
        ["id"] = user.Id,
        ["emailAddress"] = user.EmailAddress,
        ["firstName"] = user.FirstName,
        ["lastName"] = user.LastName,
        ["title"] = user.Title,
    };

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
