#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

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
