namespace GongCrmBridge.Sandbox;

/// <summary>The registered integration as the emulator holds it.</summary>
/// <param name="IntegrationId">Gong's 64-bit id (always above 2^53, to catch clients that parse it as a double).</param>
/// <param name="Name">The display name sent at registration.</param>
/// <param name="OwnerEmail">The owner email sent at registration.</param>
/// <param name="IsBeingDeleted">Whether a delete request was accepted and has not completed yet.</param>
internal sealed record SandboxIntegration(long IntegrationId, string Name, string OwnerEmail, bool IsBeingDeleted);

/// <summary>A declared schema field of an object type.</summary>
/// <param name="UniqueName">The field's key in entity records.</param>
/// <param name="Label">The caption.</param>
/// <param name="Type">One of Gong's 14 type names, e.g. <c>PICKLIST</c>.</param>
/// <param name="ReferenceTo">The referenced object type of a <c>REFERENCE</c> field.</param>
/// <param name="OrderedValueList">The allowed values of a <c>PICKLIST</c> field.</param>
/// <param name="LastModified">The <c>lastModified</c> text sent with the field, if any.</param>
internal sealed record SandboxSchemaField(
    string UniqueName,
    string Label,
    string Type,
    string? ReferenceTo,
    IReadOnlyList<string>? OrderedValueList,
    string? LastModified);

/// <summary>The state of an asynchronous request (upload or integration delete).</summary>
internal enum SandboxRequestStatus
{
    /// <summary>Queued; not polled yet.</summary>
    Pending,

    /// <summary>Polled at least once and not complete.</summary>
    InProgress,

    /// <summary>Completed without errors.</summary>
    Done,

    /// <summary>Completed with at least one error (valid records were still applied).</summary>
    Failed,
}

/// <summary>One rejected line of an upload.</summary>
/// <param name="Line">The 1-based line number in the file; 0 for an error about the whole file.</param>
/// <param name="Description">What is wrong (never the value itself).</param>
internal sealed record SandboxRecordError(int Line, string Description);

/// <summary>An upload the emulator accepted with 201.</summary>
/// <param name="ClientRequestId">The client's id of the upload.</param>
/// <param name="ObjectType">The wire name of the object type, e.g. <c>ACCOUNT</c>.</param>
/// <param name="RecordCount">The number of non-blank lines in the file.</param>
/// <param name="Status">The processing state.</param>
/// <param name="Errors">Every error once processing completed (the API returns the first 20); empty before.</param>
/// <param name="TotalErrorCount">The number of rejected records once completed.</param>
/// <param name="TotalSuccessCount">The number of applied records once completed.</param>
internal sealed record SandboxUpload(
    string ClientRequestId,
    string ObjectType,
    int RecordCount,
    SandboxRequestStatus Status,
    IReadOnlyList<SandboxRecordError> Errors,
    int TotalErrorCount,
    int TotalSuccessCount);
