using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Store;
using GongCrmBridge.Sandbox.Wire;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>Gong's users (CRM-API.md §4.1): list (avatars only on request), one, settings history, by filter.</summary>
internal sealed class UsersEndpoints(SandboxOptions options, CompanyStore company) : IEndpoints
{
    public IEnumerable<(SandboxRoute Route, Endpoint Handle)> Routes =>
    [
        (SandboxRoute.ListUsers, (r, _) => Task.FromResult(List(r))),
        (SandboxRoute.GetUser, (r, _) => Task.FromResult(Get(r))),
        (SandboxRoute.GetUserHistory, (r, _) => Task.FromResult(History(r))),
        (SandboxRoute.ListUsersExtensive, ExtensiveAsync),
    ];

    private ApiResult List(ApiRequest request)
    {
        var users = company.Users.Where(u => !u.IsAvatar || request.QueryFlag("includeAvatars")).ToList();
        return Page(request, users, request.Query("cursor"));
    }

    private ApiResult Get(ApiRequest request) =>
        company.FindUser(request.PathValue("id")) is { } user
            ? request.Ok(new JsonObject { ["user"] = CompanyShapes.User(user) })
            : request.NotFound("User not found");

    private ApiResult History(ApiRequest request)
    {
        if (company.FindUser(request.PathValue("id")) is not { } user)
        {
            return request.NotFound("User not found");
        }

        var history = new JsonArray(
            new JsonObject { ["setting"] = "webConferencesRecorded", ["value"] = true, ["time"] = CompanyShapes.DateTime(user.Created) },
            new JsonObject { ["setting"] = "emailsImported", ["value"] = true, ["time"] = CompanyShapes.DateTime(user.Created.AddDays(30)) });
        return request.Ok(new JsonObject { ["userSettingsHistory"] = history });
    }

    private async Task<ApiResult> ExtensiveAsync(ApiRequest request, CancellationToken ct)
    {
        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } body)
        {
            return request.NoBody();
        }

        if (body["filter"] is not JsonObject filter)
        {
            return request.Missing("filter");
        }

        var ids = (filter["userIds"] as JsonArray)?.Select(id => id?.ToString()).ToHashSet(StringComparer.Ordinal);
        if (!ApiRequest.TryTime(filter["createdFromDateTime"]?.ToString(), "createdFromDateTime", out var from, out var error)
            || !ApiRequest.TryTime(filter["createdToDateTime"]?.ToString(), "createdToDateTime", out var to, out error))
        {
            return request.BadRequest(error!);
        }

        var includeAvatars = filter["includeAvatars"] is JsonValue flag && flag.TryGetValue<bool>(out var yes) && yes;
        var users = company.Users
            .Where(u => (!u.IsAvatar || includeAvatars) && (ids is null || ids.Contains(u.Id)) && (from is null || u.Created >= from) && (to is null || u.Created < to))
            .ToList();

        // Gong answers 404 when nothing matches the filter.
        return users.Count == 0 ? request.NotFound("No users found corresponding to the provided filters") : Page(request, users, Paging.BodyCursor(body));
    }

    private ApiResult Page(ApiRequest request, List<SandboxUser> users, string? cursor) =>
        Paging.TryPage(users, cursor, options.PageSize, out var page, out var records, out var error)
            ? request.Ok(new JsonObject { ["records"] = records, ["users"] = new JsonArray([.. page.Select(u => (JsonNode)CompanyShapes.User(u))]) })
            : request.BadRequest(error!);
}
