#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>The part of a call a library entry covers, in seconds.</summary>
public sealed record CallSnippet
{
    public int? FromSec { get; init; }
    public int? ToSec { get; init; }
}

/// <summary>A call (or a snippet of it) in a library folder.</summary>
public sealed record LibraryCall
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Note { get; init; }
    public string? AddedBy { get; init; }
    public DateTimeOffset? Created { get; init; }
    public string? Url { get; init; }
    public CallSnippet? Snippet { get; init; }
}

/// <summary>A library folder.</summary>
public sealed record LibraryFolder
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ParentFolderId { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? Updated { get; init; }
}

/// <summary>The answer of <c>GET /v2/library/folder-content</c>: a folder and its calls.</summary>
public sealed record LibraryFolderCallsResponse
{
    public string? RequestId { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<LibraryCall>? Calls { get; init; }
}

/// <summary>The answer of <c>GET /v2/library/folders</c>.</summary>
public sealed record LibraryFoldersResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<LibraryFolder>? Folders { get; init; }
}
