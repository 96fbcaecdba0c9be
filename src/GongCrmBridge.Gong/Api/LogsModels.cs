// Gong's JSON objects of the Logs area, one record each, named for what they are (Gong's schema names are
// generated ones such as PublicApiBaseRequestV2CallsFilter). Properties carry Gong's field names (camelCase on the
// wire) and, on answers, are all nullable: Gong documents none as always present and may add fields at any time.
// Properties are not documented one by one: each is the Gong field of the same name; enumerations stay text.
#pragma warning disable CS1591

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
