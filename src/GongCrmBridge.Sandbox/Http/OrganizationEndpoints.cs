using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Store;
using GongCrmBridge.Sandbox.Wire;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>How the emulated company is organised: workspaces, permission profiles, individual call access, the call
/// library, scorecard and tracker settings, Engage flows.</summary>
internal sealed class OrganizationEndpoints(SandboxOptions options, CompanyStore company) : IEndpoints
{
    /// <summary>Gong's document allows this many prospects per assignment.</summary>
    private const int MaxProspectsPerAssignment = 100;

    public IEnumerable<(SandboxRoute Route, Endpoint Handle)> Routes =>
    [
        (SandboxRoute.ListWorkspaces, (r, _) => Task.FromResult(r.Ok(new JsonObject { ["workspaces"] = Workspaces() }))),
        (SandboxRoute.ListPermissionProfiles, (r, _) => Task.FromResult(ListProfiles(r))),
        (SandboxRoute.GetPermissionProfile, (r, _) => Task.FromResult(WithProfile(r, p => r.Ok(new JsonObject { ["profile"] = p.DeepClone() })))),
        (SandboxRoute.ListPermissionProfileUsers, (r, _) => Task.FromResult(WithProfile(r, p => r.Ok(new JsonObject { ["users"] = ProfileUsers(p) })))),
        (SandboxRoute.CreatePermissionProfile, CreateProfileAsync),
        (SandboxRoute.UpdatePermissionProfile, UpdateProfileAsync),
        (SandboxRoute.GetCallAccess, GetCallAccessAsync),
        (SandboxRoute.AddCallAccess, (r, ct) => ChangeCallAccessAsync(r, grant: true, ct)),
        (SandboxRoute.DeleteCallAccess, (r, ct) => ChangeCallAccessAsync(r, grant: false, ct)),
        (SandboxRoute.ListLibraryFolders, (r, _) => Task.FromResult(r.Ok(new JsonObject { ["folders"] = CompanyShapes.LibraryFolders() }))),
        (SandboxRoute.GetLibraryFolderContent, (r, _) => Task.FromResult(FolderContent(r))),
        (SandboxRoute.ListScorecards, (r, _) => Task.FromResult(r.Ok(new JsonObject { ["scorecards"] = new JsonArray(CompanyShapes.Scorecard()) }))),
        (SandboxRoute.ListTrackers, (r, _) => Task.FromResult(Trackers(r))),
        (SandboxRoute.ListFlows, (r, _) => Task.FromResult(Flows(r))),
        (SandboxRoute.ProspectsFlows, ProspectsFlowsAsync),
        (SandboxRoute.AssignProspects, AssignAsync),
    ];

    private static JsonArray Workspaces() => new(
        new JsonObject { ["id"] = SandboxSeed.MainWorkspaceId, ["name"] = "Sales", ["description"] = "The sales team" },
        new JsonObject { ["id"] = SandboxSeed.SecondWorkspaceId, ["name"] = "Customer Success", ["description"] = string.Empty });

    private static bool IsWorkspace(string? id) => id is SandboxSeed.MainWorkspaceId or SandboxSeed.SecondWorkspaceId;

    private ApiResult ListProfiles(ApiRequest request)
    {
        if (request.Query("workspaceId") is not { } workspaceId)
        {
            return request.Missing("workspaceId");
        }

        var profiles = company.Profiles().Where(p => p["workspaceId"]?.ToString() == workspaceId).OrderBy(p => p["name"]?.ToString(), StringComparer.Ordinal);
        return request.Ok(new JsonObject { ["profiles"] = new JsonArray([.. profiles.Select(p => p.DeepClone())]) });
    }

    private ApiResult WithProfile(ApiRequest request, Func<JsonObject, ApiResult> answer)
    {
        if (request.Query("profileId") is not { } id)
        {
            return request.Missing("profileId");
        }

        return company.Profiles().FirstOrDefault(p => p["id"]?.ToString() == id) is { } profile
            ? answer(profile)
            : request.NotFound("Permission profile not found");
    }

    /// <summary>The seeded managers have the managers' profile, the others the account executives'.</summary>
    private JsonArray ProfileUsers(JsonObject profile)
    {
        var users = profile["id"]?.ToString() switch
        {
            "4001" => company.Users.Where(u => !u.IsAvatar && u.Title != "Sales Manager"),
            "4002" => company.Users.Where(u => u.Title == "Sales Manager"),
            _ => [],
        };
        return new JsonArray([.. users.Select(u => (JsonNode)new JsonObject { ["id"] = u.Id, ["fullName"] = u.FirstName + " " + u.LastName, ["emailAddress"] = u.EmailAddress })]);
    }

    private async Task<ApiResult> CreateProfileAsync(ApiRequest request, CancellationToken ct)
    {
        if (request.Query("workspaceId") is not { } workspaceId)
        {
            return request.Missing("workspaceId");
        }

        if (!IsWorkspace(workspaceId))
        {
            return request.BadRequest("workspaceId is not valid");
        }

        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } profile || string.IsNullOrWhiteSpace(profile["name"]?.ToString()))
        {
            return request.BadRequest("The body must be a permission profile with a name");
        }

        profile["id"] = company.NextId();
        profile["workspaceId"] = workspaceId;
        company.SaveProfile(profile);
        return request.Ok(new JsonObject { ["profile"] = profile.DeepClone() });
    }

    private async Task<ApiResult> UpdateProfileAsync(ApiRequest request, CancellationToken ct)
    {
        if (request.Query("profileId") is not { } id)
        {
            return request.Missing("profileId");
        }

        if (company.Profiles().FirstOrDefault(p => p["id"]?.ToString() == id) is not { } existing)
        {
            return request.NotFound("Permission profile not found");
        }

        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } profile || string.IsNullOrWhiteSpace(profile["name"]?.ToString()))
        {
            return request.BadRequest("The body must be a permission profile with a name");
        }

        profile["id"] = id;
        profile["workspaceId"] = existing["workspaceId"]?.DeepClone();
        company.SaveProfile(profile);
        return request.Ok(new JsonObject { ["profile"] = profile.DeepClone() });
    }

    private async Task<ApiResult> GetCallAccessAsync(ApiRequest request, CancellationToken ct)
    {
        var body = await request.ReadObjectAsync(ct).ConfigureAwait(false);
        if (body?["filter"]?["callIds"] is not JsonArray { Count: > 0 } ids)
        {
            return request.BadRequest("filter.callIds is mandatory");
        }

        var list = ids.Select(id => id!.ToString()).Select(callId => (JsonNode)new JsonObject
        {
            ["callId"] = callId,
            ["users"] = new JsonArray([.. company.CallAccess(callId).Select(u => (JsonNode)new JsonObject { ["userId"] = u })]),
        });
        return request.Ok(new JsonObject { ["callAccessList"] = new JsonArray([.. list]) });
    }

    private async Task<ApiResult> ChangeCallAccessAsync(ApiRequest request, bool grant, CancellationToken ct)
    {
        var body = await request.ReadObjectAsync(ct).ConfigureAwait(false);
        if (body?["callAccessList"] is not JsonArray { Count: > 0 } list)
        {
            return request.BadRequest("callAccessList is mandatory");
        }

        var changes = new List<(string CallId, List<string> UserIds)>();
        foreach (var item in list)
        {
            var callId = item?["callId"]?.ToString();
            if (callId is null || item!["userIds"] is not JsonArray { Count: > 0 } userIds)
            {
                return request.BadRequest("Every callAccessList item needs a callId and userIds");
            }

            if (company.FindCall(callId) is null)
            {
                return request.BadRequest($"Call {callId} was not found");
            }

            var users = userIds.Select(u => u!.ToString()).ToList();
            if (users.FirstOrDefault(u => company.FindUser(u) is null) is { } unknown)
            {
                return request.BadRequest($"User {unknown} was not found");
            }

            changes.Add((callId, users));
        }

        changes.ForEach(change => company.ChangeCallAccess(change.CallId, change.UserIds, grant));
        return request.Done();
    }

    private ApiResult FolderContent(ApiRequest request)
    {
        if (request.Query("folderId") is not { } folderId)
        {
            return request.Missing("folderId");
        }

        var folder = CompanyShapes.LibraryFolders().OfType<JsonObject>().FirstOrDefault(f => f["id"]?.ToString() == folderId);
        if (folder is null)
        {
            return request.NotFound("No folders found corresponding to the provided folderId");
        }

        var calls = company.Calls().Skip(folderId.EndsWith('7') ? 0 : 2).Take(2).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["title"] = c.Title,
            ["note"] = "A good example",
            ["addedBy"] = folder["createdBy"]?.DeepClone(),
            ["created"] = CompanyShapes.DateTime(c.Started.AddDays(2)),
            ["url"] = request.BaseUrl + "call?id=" + c.Id,
            ["snippet"] = new JsonObject { ["fromSec"] = 60, ["toSec"] = 240 },
        });
        return request.Ok(new JsonObject
        {
            ["id"] = folderId,
            ["name"] = folder["name"]?.DeepClone(),
            ["createdBy"] = folder["createdBy"]?.DeepClone(),
            ["updated"] = folder["updated"]?.DeepClone(),
            ["calls"] = new JsonArray([.. calls]),
        });
    }

    private static ApiResult Trackers(ApiRequest request) =>
        request.Query("workspaceId") is { } workspaceId && !IsWorkspace(workspaceId)
            ? request.NotFound("Workspace not found")
            : request.Ok(new JsonObject { ["keywordTrackers"] = CompanyShapes.Trackers() });

    private ApiResult Flows(ApiRequest request)
    {
        if (request.Query("flowOwnerEmail") is not { } owner)
        {
            return request.Missing("flowOwnerEmail");
        }

        if (company.FindUserByEmail(owner) is null)
        {
            return request.BadRequest("flowOwnerEmail is not a Gong user");
        }

        var flows = CompanyShapes.Flows().OfType<JsonObject>().ToList();
        return Paging.TryPage(flows, request.Query("cursor"), options.PageSize, out var page, out var records, out var error)
            ? request.Ok(new JsonObject { ["records"] = records, ["flows"] = new JsonArray([.. page.Select(f => f.DeepClone())]) })
            : request.BadRequest(error!);
    }

    private async Task<ApiResult> ProspectsFlowsAsync(ApiRequest request, CancellationToken ct)
    {
        var body = await request.ReadObjectAsync(ct).ConfigureAwait(false);
        var prospects = Texts(body?["crmProspectsIds"]);
        var instances = Texts(body?["flowInstanceIds"]);
        if (prospects.Count == 0 && instances.Count == 0)
        {
            return request.BadRequest("crmProspectsIds or flowInstanceIds is mandatory");
        }

        var assigned = company.Assignments((prospect, a) => prospects.Contains(prospect) || instances.Contains(a["flowInstanceId"]?.ToString() ?? string.Empty));
        return request.Ok(new JsonObject { ["prospectsAssigned"] = new JsonArray([.. assigned.Select(a => a.DeepClone())]) });
    }

    private async Task<ApiResult> AssignAsync(ApiRequest request, CancellationToken ct)
    {
        var body = await request.ReadObjectAsync(ct).ConfigureAwait(false);
        var prospects = Texts(body?["crmProspectsIds"]);
        var flowId = body?["flowId"]?.ToString();
        var ownerEmail = body?["flowInstanceOwnerEmail"]?.ToString();
        if (prospects.Count == 0 || flowId is null || ownerEmail is null)
        {
            return request.BadRequest("crmProspectsIds, flowId and flowInstanceOwnerEmail are mandatory");
        }

        if (prospects.Count > MaxProspectsPerAssignment)
        {
            return request.BadRequest($"At most {MaxProspectsPerAssignment} prospects can be assigned per request");
        }

        if (CompanyShapes.Flows().OfType<JsonObject>().FirstOrDefault(f => f["id"]?.ToString() == flowId) is not { } flow)
        {
            return request.NotFound("Flow not found");
        }

        if (company.FindUserByEmail(ownerEmail) is not { } owner)
        {
            return request.BadRequest("flowInstanceOwnerEmail is not a Gong user");
        }

        var done = new JsonArray();
        var failed = new JsonArray();
        foreach (var prospect in prospects)
        {
            if (company.Assignments((p, a) => p == prospect && a["exclusive"]?.GetValue<bool>() == true).Count > 0)
            {
                failed.Add((JsonNode)new JsonObject { ["flowId"] = flowId, ["crmProspectId"] = prospect, ["errorCode"] = "InvalidState", ["errorMessage"] = "The prospect is already in an exclusive flow" });
                continue;
            }

            var assignment = new JsonObject
            {
                ["flowId"] = flowId,
                ["flowName"] = flow["name"]?.DeepClone(),
                ["crmProspectId"] = prospect,
                ["flowInstanceId"] = company.NextId(),
                ["flowInstanceOwnerEmail"] = owner.EmailAddress,
                ["flowInstanceOwnerFullName"] = owner.FirstName + " " + owner.LastName,
                ["flowInstanceCreateDate"] = CompanyShapes.DateTime(options.TimeProvider.GetUtcNow()),
                ["flowInstanceStatus"] = "Pending",
                ["workspaceId"] = SandboxSeed.MainWorkspaceId,
                ["exclusive"] = flow["exclusive"]?.DeepClone(),
            };
            company.Assign(prospect, assignment);
            done.Add(assignment.DeepClone());
        }

        return request.Ok(new JsonObject { ["prospectsAssigned"] = done, ["prospectsNotAssigned"] = failed });
    }

    private static List<string> Texts(JsonNode? array) =>
        array is JsonArray items ? [.. items.Select(i => i?.ToString()).OfType<string>()] : [];
}
