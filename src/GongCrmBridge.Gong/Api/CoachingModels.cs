// Gong's JSON objects of the Coaching area, one record each, named for what they are (Gong's schema names are
// generated ones such as PublicApiBaseRequestV2CallsFilter). Properties carry Gong's field names (camelCase on the
// wire) and, on answers, are all nullable: Gong documents none as always present and may add fields at any time.
// Properties are not documented one by one: each is the Gong field of the same name; enumerations stay text.
#pragma warning disable CS1591

namespace GongCrmBridge.Gong.Api;

/// <summary>A manager and the coaching metrics of their direct reports.</summary>
public sealed record CoachingManagerMetrics
{
    public CoachingUser? Manager { get; init; }
    public IReadOnlyList<CoachingReportMetrics>? DirectReportsMetrics { get; init; }
}

/// <summary>The answer of <c>GET /v2/coaching</c>.</summary>
public sealed record CoachingMetricsResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<CoachingManagerMetrics>? CoachingData { get; init; }
}

/// <summary>One report's coaching metrics (metric name to values).</summary>
public sealed record CoachingReportMetrics
{
    public CoachingUser? Report { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Metrics { get; init; }
}

/// <summary>A manager or a report.</summary>
public sealed record CoachingUser
{
    public string? Id { get; init; }
    public string? EmailAddress { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Title { get; init; }
}
