#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

using System.Text.Json;

namespace GongCrmBridge.Gong.Api;

/// <summary>One audit log entry (its record depends on the log type).</summary>
public sealed record LogEntry
{
    public string? UserId { get; init; }
    public string? UserEmailAddress { get; init; }
    public string? UserFullName { get; init; }
    public string? ImpersonatorUserId { get; init; }
    public string? ImpersonatorEmailAddress { get; init; }
    public string? ImpersonatorFullName { get; init; }
    public string? ImpersonatorCompanyId { get; init; }
    public string? EventTime { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? LogRecord { get; init; }
}

/// <summary>One page of <c>GET /v2/logs</c>.</summary>
public sealed record LogsPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<LogEntry>? LogEntries { get; init; }
}
