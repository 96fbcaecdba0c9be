using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Cli.Infrastructure;

/// <summary>The tool's own log messages (source-generated, structured; event ids 300–399). Never logs credentials or
/// CRM cell values.</summary>
internal static partial class CliLog
{
    [LoggerMessage(EventId = 300, EventName = "DryRunStarting", Level = LogLevel.Information,
        Message = "Dry run {RunId} of {Job}: nothing will be sent to Gong")]
    internal static partial void DryRunStarting(ILogger logger, string runId, string job);

    [LoggerMessage(EventId = 301, EventName = "SyncStarting", Level = LogLevel.Information,
        Message = "Sync {RunId} of {Job} to {BaseUrl}")]
    internal static partial void SyncStarting(ILogger logger, string runId, string job, Uri baseUrl);

    [LoggerMessage(EventId = 302, EventName = "SandboxStarted", Level = LogLevel.Information,
        Message = "Started the built-in Gong emulator at {BaseUrl}; nothing leaves this machine")]
    internal static partial void SandboxStarted(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 303, EventName = "Progress", Level = LogLevel.Information,
        Message = "{ObjectType}: {Read} read, {Valid} valid, {Rejected} rejected so far")]
    internal static partial void Progress(ILogger logger, string objectType, long read, long valid, long rejected);

    [LoggerMessage(EventId = 304, EventName = "RunFinished", Level = LogLevel.Information,
        Message = "Run {RunId} ({Mode}) finished with exit code {ExitCode}")]
    internal static partial void RunFinished(ILogger logger, string runId, string mode, int exitCode);
}
