using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's call library: its folders and the calls in a folder.</summary>
public sealed class LibraryApi
{
    private readonly GongTransport _transport;

    internal LibraryApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/library/folders</c>: the library's folders.</summary>
    /// <param name="workspaceId">Only this workspace's folders.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The folders (none when Gong answers 404, "no folders found").</returns>
    public Task<LibraryFoldersResponse> ListFoldersAsync(string? workspaceId = null, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.GetLibraryStructure).WithQuery("workspaceId", workspaceId), GongApiJson.Default.LibraryFoldersResponse, cancellationToken);

    /// <summary><c>GET /v2/library/folder-content</c>: a folder and its calls.</summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The folder's calls.</returns>
    public Task<LibraryFolderCallsResponse> GetFolderCallsAsync(string folderId, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.GetCallsInFolder).WithQuery("folderId", folderId), GongApiJson.Default.LibraryFolderCallsResponse, cancellationToken);
}
