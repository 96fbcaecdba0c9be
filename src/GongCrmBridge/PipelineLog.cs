using GongCrmBridge.Gong.Models;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge;

/// <summary>The pipeline library's log messages (source-generated, structured), one area per range of event ids:
/// 100 pipeline, 110 integration, 120 schema, 130 upload, 140 status. Never logs credentials or CRM cell values.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 100, EventName = "ReadingExport", Level = LogLevel.Information,
        Message = "Reading {ObjectType} export {Source}")]
    internal static partial void ReadingExport(ILogger logger, string objectType, string source);

    [LoggerMessage(EventId = 109, EventName = "Planned", Level = LogLevel.Information, Message = "{Plan}")]
    internal static partial void Planned(ILogger logger, string plan);

    [LoggerMessage(EventId = 167, EventName = "BudgetFits", Level = LogLevel.Information, Message = "{Budget}")]
    internal static partial void BudgetFits(ILogger logger, string budget);

    [LoggerMessage(EventId = 168, EventName = "BudgetIgnored", Level = LogLevel.Warning,
        Message = "The plan needs {Calls} calls and {Left} are left of today's budget; sending anyway (--ignore-budget)")]
    internal static partial void BudgetIgnored(ILogger logger, long calls, long left);

    [LoggerMessage(EventId = 101, EventName = "ExportBuilt", Level = LogLevel.Information,
        Message = "{ObjectType}: {Read} read, {Valid} valid, {Rejected} rejected, {Files} file(s)")]
    internal static partial void ExportBuilt(ILogger logger, string objectType, long read, long valid, long rejected, int files);

    [LoggerMessage(EventId = 102, EventName = "RunFailed", Level = LogLevel.Error,
        Message = "The run failed: {Reason}")]
    internal static partial void RunFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 110, EventName = "IntegrationReused", Level = LogLevel.Information,
        Message = "Reusing integration {IntegrationName} ({IntegrationId})")]
    internal static partial void IntegrationReused(ILogger logger, string integrationName, long integrationId);

    [LoggerMessage(EventId = 111, EventName = "IntegrationRegistered", Level = LogLevel.Information,
        Message = "Registered integration {IntegrationName} ({IntegrationId})")]
    internal static partial void IntegrationRegistered(ILogger logger, string integrationName, long integrationId);

    [LoggerMessage(EventId = 120, EventName = "SchemaChange", Level = LogLevel.Information,
        Message = "Schema {Change}")]
    internal static partial void SchemaChange(ILogger logger, string change);

    [LoggerMessage(EventId = 121, EventName = "SchemaPushed", Level = LogLevel.Information,
        Message = "Pushed the {ObjectType} schema ({Fields} fields)")]
    internal static partial void SchemaPushed(ILogger logger, string objectType, int fields);

    [LoggerMessage(EventId = 122, EventName = "SchemaUnchanged", Level = LogLevel.Information,
        Message = "The {ObjectType} schema is unchanged; not pushed")]
    internal static partial void SchemaUnchanged(ILogger logger, string objectType);

    [LoggerMessage(EventId = 130, EventName = "UploadingPhase", Level = LogLevel.Information,
        Message = "Uploading {ObjectTypes}")]
    internal static partial void UploadingPhase(ILogger logger, string objectTypes);

    [LoggerMessage(EventId = 131, EventName = "FileUploaded", Level = LogLevel.Information,
        Message = "Uploaded {File} as {ClientRequestId} ({Records} records{Again})")]
    internal static partial void FileUploaded(ILogger logger, string file, string clientRequestId, int records, string again);

    [LoggerMessage(EventId = 132, EventName = "FileProcessed", Level = LogLevel.Information,
        Message = "{ClientRequestId} is {Status}: {Successes} accepted, {Errors} errors")]
    internal static partial void FileProcessed(ILogger logger, string clientRequestId, string? status, int? successes, int? errors);

    [LoggerMessage(EventId = 133, EventName = "UnnamedErrorsLeft", Level = LogLevel.Warning,
        Message = "Gong rejected {Unnamed} more records of {File} without naming them; raise --max-error-rounds to find them")]
    internal static partial void UnnamedErrorsLeft(ILogger logger, int unnamed, string file);

    [LoggerMessage(EventId = 135, EventName = "SuccessesMissing", Level = LogLevel.Warning,
        Message = "Gong counted {Successes} successes for the {Sent} records of {File} and no error for {Unexplained} of them; they are reported as rejected without a name (rejectedUnnamed), not as accepted")]
    internal static partial void SuccessesMissing(ILogger logger, string file, long sent, int successes, long unexplained);

    [LoggerMessage(EventId = 134, EventName = "UploadingAgain", Level = LogLevel.Information,
        Message = "Gong counted {Unnamed} errors it did not name; uploading the other {Records} records again")]
    internal static partial void UploadingAgain(ILogger logger, int unnamed, int records);

    [LoggerMessage(EventId = 140, EventName = "UploadStatus", Level = LogLevel.Debug,
        Message = "Upload {ClientRequestId} is {Status}")]
    internal static partial void UploadStatus(ILogger logger, string clientRequestId, RequestState? status);

    [LoggerMessage(EventId = 141, EventName = "PollRateLimited", Level = LogLevel.Warning,
        Message = "Status polling rate-limited; waiting {Wait} before the next poll")]
    internal static partial void PollRateLimited(ILogger logger, TimeSpan wait);

    [LoggerMessage(EventId = 150, EventName = "UnknownGongUsers", Level = LogLevel.Warning,
        Message = "{Unknown} of {BusinessUsers} business users are not Gong users (unknown-gong-user)")]
    internal static partial void UnknownGongUsers(ILogger logger, int unknown, long businessUsers);

    [LoggerMessage(EventId = 142, EventName = "PollFailed", Level = LogLevel.Warning,
        Message = "Status poll of {ClientRequestId} failed after retries ({Reason}); polling goes on")]
    internal static partial void PollFailed(ILogger logger, string clientRequestId, string reason);

    [LoggerMessage(EventId = 160, EventName = "StateOpened", Level = LogLevel.Information,
        Message = "State {Directory}: {Unfinished} unfinished upload(s) from earlier runs, {UsedToday} API calls used today")]
    internal static partial void StateOpened(ILogger logger, string directory, int unfinished, long usedToday);

    [LoggerMessage(EventId = 161, EventName = "LockTakenOver", Level = LogLevel.Warning,
        Message = "The state's run lock was left by a process that is gone ({Holder}); taken over")]
    internal static partial void LockTakenOver(ILogger logger, string holder);

    [LoggerMessage(EventId = 162, EventName = "UploadResumed", Level = LogLevel.Information,
        Message = "Upload {ClientRequestId} was {State} in the state; Gong has it: polling it")]
    internal static partial void UploadResumed(ILogger logger, string clientRequestId, string state);

    [LoggerMessage(EventId = 163, EventName = "UploadAbandoned", Level = LogLevel.Information,
        Message = "Upload {ClientRequestId}, planned by an earlier run and never sent, is no longer in this run's files: abandoned")]
    internal static partial void UploadAbandoned(ILogger logger, string clientRequestId);

    [LoggerMessage(EventId = 164, EventName = "DeletesWithheld", Level = LogLevel.Warning,
        Message = "{ObjectType}: {Count} delete(s) withheld: {Reason}")]
    internal static partial void DeletesWithheld(ILogger logger, string objectType, long count, string reason);

    [LoggerMessage(EventId = 165, EventName = "DeletesPlanned", Level = LogLevel.Information,
        Message = "{ObjectType}: {Count} tracked object(s) gone from the export; sending their deletes")]
    internal static partial void DeletesPlanned(ILogger logger, string objectType, long count);

    [LoggerMessage(EventId = 166, EventName = "RunFailedUnexpectedly", Level = LogLevel.Error,
        Message = "The run failed unexpectedly; its report is written with what was done")]
    internal static partial void RunFailedUnexpectedly(ILogger logger, Exception exception);
}
