using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>Gong's permissions, as Gong groups them: permission profiles, and individual users' access to calls.</summary>
public sealed class PermissionsApi
{
    private readonly GongTransport _transport;

    internal PermissionsApi(GongTransport transport) => _transport = transport;

    /// <summary><c>GET /v2/all-permission-profiles</c>: a workspace's permission profiles, by name.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profiles.</returns>
    public Task<PermissionProfilesResponse> ListProfilesAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.ListPermissionProfiles).WithQuery("workspaceId", workspaceId), GongApiJson.Default.PermissionProfilesResponse, cancellationToken);

    /// <summary><c>GET /v2/permission-profile</c>: one permission profile.</summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    public Task<PermissionProfileResponse> GetProfileAsync(string profileId, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.GetPermissionProfile).WithQuery("profileId", profileId), GongApiJson.Default.PermissionProfileResponse, cancellationToken);

    /// <summary><c>GET /v2/permission-profile/users</c>: the users a permission profile is given to.</summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The users.</returns>
    public Task<PermissionProfileUsersResponse> ListProfileUsersAsync(string profileId, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(new GongRequest(GongOperations.ListPermissionProfileUsers).WithQuery("profileId", profileId), GongApiJson.Default.PermissionProfileUsersResponse, cancellationToken);

    /// <summary><c>POST /v2/permission-profile</c>: creates a permission profile in a workspace.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="profile">The profile (without id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created profile.</returns>
    public Task<PermissionProfileResponse> CreateProfileAsync(string workspaceId, PermissionProfile profile, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(
            ApiSend.WithJson(GongOperations.CreatePermissionProfile, profile, GongApiJson.Default.PermissionProfile).WithQuery("workspaceId", workspaceId),
            GongApiJson.Default.PermissionProfileResponse,
            cancellationToken);

    /// <summary><c>PUT /v2/permission-profile</c>: replaces a permission profile.</summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="profile">Its new content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated profile.</returns>
    public Task<PermissionProfileResponse> UpdateProfileAsync(string profileId, PermissionProfile profile, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(
            ApiSend.WithJson(GongOperations.UpdatePermissionProfile, profile, GongApiJson.Default.PermissionProfile).WithQuery("profileId", profileId),
            GongApiJson.Default.PermissionProfileResponse,
            cancellationToken);

    /// <summary><c>POST /v2/calls/users-access</c>: the users given individual access to calls.</summary>
    /// <param name="callIds">The calls.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The users per call.</returns>
    public Task<CallAccessResponse> GetCallAccessAsync(IReadOnlyList<string> callIds, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(
            ApiSend.WithJson(GongOperations.GetUsersAccessToCalls, new CallAccessRequest { Filter = new CallAccessFilter { CallIds = callIds } }, GongApiJson.Default.CallAccessRequest),
            GongApiJson.Default.CallAccessResponse,
            cancellationToken);

    /// <summary><c>PUT /v2/calls/users-access</c>: gives users individual access to calls.</summary>
    /// <param name="access">Per call, the users.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<GongBaseResponse> GrantCallAccessAsync(IReadOnlyList<CallUsersAccess> access, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(
            ApiSend.WithJson(GongOperations.AddUsersAccessToCalls, new CallAccessChangeRequest { CallAccessList = access }, GongApiJson.Default.CallAccessChangeRequest),
            GongApiJson.Default.GongBaseResponse,
            cancellationToken);

    /// <summary><c>DELETE /v2/calls/users-access</c>: takes users' individual access to calls away (a DELETE with a JSON body).</summary>
    /// <param name="access">Per call, the users.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public Task<GongBaseResponse> RevokeCallAccessAsync(IReadOnlyList<CallUsersAccess> access, CancellationToken cancellationToken = default) =>
        _transport.CallAsync(
            ApiSend.WithJson(GongOperations.DeleteUsersAccessToCalls, new CallAccessChangeRequest { CallAccessList = access }, GongApiJson.Default.CallAccessChangeRequest),
            GongApiJson.Default.GongBaseResponse,
            cancellationToken);
}
