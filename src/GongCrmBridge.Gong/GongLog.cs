using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Gong;

/// <summary>The client's log messages (source-generated, structured; event ids 1–99). Never logs credentials or record data.</summary>
internal static partial class GongLog
{
    [LoggerMessage(EventId = 1, EventName = "GongRetry", Level = LogLevel.Warning,
        Message = "Gong call {Operation} attempt {Attempt} failed ({Failure}); retrying in {DelayMs} ms")]
    internal static partial void Retrying(ILogger logger, string operation, int attempt, string failure, long delayMs);

    [LoggerMessage(EventId = 2, EventName = "GongCallFailed", Level = LogLevel.Warning,
        Message = "Gong call {Operation} failed with status {StatusCode} (Gong requestId {GongRequestId})")]
    internal static partial void CallFailed(ILogger logger, string operation, int? statusCode, string? gongRequestId);

    [LoggerMessage(EventId = 4, EventName = "GongUploadAlreadyAccepted", Level = LogLevel.Information,
        Message = "Gong already holds upload {ClientRequestId}: an earlier attempt was accepted although its answer was lost")]
    internal static partial void AlreadyAccepted(ILogger logger, string clientRequestId);

    [LoggerMessage(EventId = 5, EventName = "GongIntegrationExists", Level = LogLevel.Warning,
        Message = "Gong already has a CRM integration (existing integration id {IntegrationId})")]
    internal static partial void IntegrationExists(ILogger logger, long? integrationId);
}
