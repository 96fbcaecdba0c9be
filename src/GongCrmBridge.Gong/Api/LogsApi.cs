using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's audit logs.</summary>
public sealed class LogsApi
{
    /// <summary>The log types Gong keeps.</summary>
    public static readonly IReadOnlyList<string> LogTypes = ["AccessLog", "UserActivityLog", "UserCallPlay", "ExternallySharedCallAccess", "ExternallySharedCallPlay"];

    private readonly GongTransport _transport;

    internal LogsApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/logs</c>: the entries of one log type in a time range, page by page.</summary>
    /// <param name="logType">One of <see cref="LogTypes"/>.</param>
    /// <param name="from">Entries at or after this time.</param>
    /// <param name="to">Entries before this time; <see langword="null"/>: up to the latest.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages; none when no entry matches.</returns>
    public IAsyncEnumerable<LogsPage> ListAsync(string logType, DateTimeOffset from, DateTimeOffset? to = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logType);
        return _transport.PagesAsync(
            new GongRequest(GongOperations.ListLogs).WithQuery("logType", logType).WithQuery("fromDateTime", from).WithQuery("toDateTime", to).From(cursor),
            GongApiJson.Default.LogsPage,
            cancellationToken);
    }
}
