using System.Text.Json;

namespace GongCrmBridge.Sandbox.Store;

/// <summary>One line of an accepted upload, validated at upload time and applied when processing completes.</summary>
internal sealed record UploadLine(int Line, string? ObjectId, JsonElement Record, bool IsDeleted, string? Error);

/// <summary>An asynchronous request (upload or integration delete) tracked by its clientRequestId.</summary>
internal sealed class AsyncRequest
{
    public required string ClientRequestId { get; init; }

    public required long IntegrationId { get; init; }

    /// <summary>Gets the object type of an upload; <see langword="null"/> for an integration delete.</summary>
    public string? ObjectType { get; init; }

    public required DateTimeOffset AcceptedAt { get; init; }

    public int RecordCount { get; init; }

    /// <summary>Gets or sets the lines to apply; released once processing completed.</summary>
    public List<UploadLine>? Lines { get; set; }

    /// <summary>Gets or sets an error about the whole file (line 0), found at upload time.</summary>
    public string? FileError { get; set; }

    public int PollCount { get; set; }

    public bool IsComplete { get; set; }

    public SandboxRequestStatus Status { get; set; } = SandboxRequestStatus.Pending;

    public List<SandboxRecordError> Errors { get; } = [];

    public int ErrorCount { get; set; }

    public int SuccessCount { get; set; }

    public bool IsUpload => ObjectType is not null;

    public SandboxUpload ToUpload() => new(
        ClientRequestId, ObjectType!, RecordCount, Status,
        IsComplete ? [.. Errors] : [], ErrorCount, SuccessCount);
}

/// <summary>What a status poll reports.</summary>
internal sealed record StatusSnapshot(
    SandboxRequestStatus Status,
    bool IsUpload,
    IReadOnlyList<SandboxRecordError> Errors,
    int ErrorCount,
    int SuccessCount);
