using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Sandbox;

/// <summary>The emulator's log messages (source-generated, structured; event ids 200–299). Never logs credentials or
/// uploaded records.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 200, EventName = "SandboxDroppedBeforeProcessing", Level = LogLevel.Debug,
        Message = "Sandbox {Route}: connection dropped before processing (injected)")]
    internal static partial void DroppedBeforeProcessing(ILogger logger, SandboxRoute route);

    [LoggerMessage(EventId = 201, EventName = "SandboxDroppedAfterProcessing", Level = LogLevel.Debug,
        Message = "Sandbox {Route}: connection dropped after processing (injected)")]
    internal static partial void DroppedAfterProcessing(ILogger logger, SandboxRoute route);

    [LoggerMessage(EventId = 202, EventName = "SandboxRequestFailed", Level = LogLevel.Error,
        Message = "Sandbox request {RequestId} failed")]
    internal static partial void RequestFailed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(EventId = 203, EventName = "SandboxAnswered", Level = LogLevel.Debug,
        Message = "Sandbox {Method} {Path} answered {StatusCode}")]
    internal static partial void Answered(ILogger logger, string method, string? path, int statusCode);
}
