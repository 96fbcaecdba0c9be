using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's users: <c>GET /v2/users</c>, <c>GET /v2/users/{id}</c>, <c>GET /v2/users/{id}/settings-history</c>,
/// <c>POST /v2/users/extensive</c>.</summary>
/// <remarks>A CRM load uses them to check that every BUSINESS_USER e-mail is a Gong user (<see cref="GongUser.EmailAddress"/>
/// or one of <see cref="GongUser.EmailAliases"/>): <c>ListAsync().ItemsAsync(page => page.Users)</c>.</remarks>
public sealed class UsersApi
{
    private readonly GongTransport _transport;

    internal UsersApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/users</c>: every user, page by page (Gong chooses the page size).</summary>
    /// <param name="includeAvatars">Also list avatars (synthetic users standing for Gong staff).</param>
    /// <param name="cursor">Resume at this cursor (a page's <c>records.cursor</c>); <see langword="null"/> starts at the first page.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages, fetched one at a time as they are asked for.</returns>
    public IAsyncEnumerable<UsersPage> ListAsync(bool includeAvatars = false, string? cursor = null, CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(
            new GongRequest(GongOperations.ListUsers).WithQuery("includeAvatars", includeAvatars ? true : null).From(cursor),
            GongApiJson.Default.UsersPage,
            cancellationToken);

    /// <summary><c>GET /v2/users/{id}</c>: one user.</summary>
    /// <param name="userId">Gong's id of the user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, with the user.</returns>
    /// <exception cref="GongApiException">Gong answered 404: no such user.</exception>
    public Task<UserResponse> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.GetUser).WithPath("id", userId), GongApiJson.Default.UserResponse, cancellationToken);

    /// <summary><c>GET /v2/users/{id}/settings-history</c>: when the user's recording and import settings changed.</summary>
    /// <param name="userId">Gong's id of the user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes.</returns>
    public Task<UserSettingsHistoryResponse> GetSettingsHistoryAsync(string userId, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.GetUserHistory).WithPath("id", userId), GongApiJson.Default.UserSettingsHistoryResponse, cancellationToken);

    /// <summary><c>POST /v2/users/extensive</c>: the users matching a filter (ids, creation time), page by page.</summary>
    /// <param name="filter">Which users; Gong has no e-mail filter.</param>
    /// <param name="cursor">Resume at this cursor, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The pages; none when no user matches.</returns>
    public IAsyncEnumerable<UsersPage> ListByFilterAsync(UsersFilter filter, string? cursor = null, CancellationToken cancellationToken = default) =>
        _transport.PagesAsync(
            ApiSend.WithJson(GongOperations.ListMultipleUsers, new UsersExtensiveRequest { Filter = filter }, GongApiJson.Default.UsersExtensiveRequest).From(cursor),
            GongApiJson.Default.UsersPage,
            cancellationToken);
}
