using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Store;
using GongCrmBridge.Sandbox.Wire;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>Gong's calls (CRM-API.md §4.2–4.3): list, one, extensive with the CRM objects linked from the uploaded
/// data, transcripts, adding a call and its media, and the CRM links as "manual associations".</summary>
internal sealed class CallsEndpoints(SandboxOptions options, CompanyStore company, SandboxStore crm) : IEndpoints
{
    public IEnumerable<(SandboxRoute Route, Endpoint Handle)> Routes =>
    [
        (SandboxRoute.ListCalls, (r, _) => Task.FromResult(List(r))),
        (SandboxRoute.GetCall, (r, _) => Task.FromResult(Get(r))),
        (SandboxRoute.AddCall, AddAsync),
        (SandboxRoute.ListCallsExtensive, ExtensiveAsync),
        (SandboxRoute.ListTranscripts, TranscriptsAsync),
        (SandboxRoute.AddCallMedia, MediaAsync),
        (SandboxRoute.ListManualCrmAssociations, (r, _) => Task.FromResult(ManualAssociations(r))),
    ];

    private ApiResult List(ApiRequest request)
    {
        if (!ApiRequest.TryTime(request.Query("fromDateTime"), "fromDateTime", out var from, out var error)
            || !ApiRequest.TryTime(request.Query("toDateTime"), "toDateTime", out var to, out error))
        {
            return request.BadRequest(error!);
        }

        var calls = Select(from, to, request.Query("workspaceId"), null, null);
        if (calls.Count == 0)
        {
            return request.NotFound("No calls found corresponding to the provided filters");
        }

        return Paging.TryPage(calls, request.Query("cursor"), options.PageSize, out var page, out var records, out error)
            ? request.Ok(new JsonObject { ["records"] = records, ["calls"] = new JsonArray([.. page.Select(c => (JsonNode)CompanyShapes.CallMetaData(c, request.BaseUrl))]) })
            : request.BadRequest(error!);
    }

    private ApiResult Get(ApiRequest request) =>
        company.FindCall(request.PathValue("id")) is { } call
            ? request.Ok(new JsonObject { ["call"] = CompanyShapes.CallMetaData(call, request.BaseUrl) })
            : request.NotFound("Call ID was not found");

    private async Task<ApiResult> ExtensiveAsync(ApiRequest request, CancellationToken ct)
    {
        var (body, calls, problem) = await FilteredAsync(request, withOwners: true, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var selector = body!["contentSelector"] as JsonObject;
        var context = selector?["context"]?.ToString() ?? "None";
        if (context is not ("None" or "Basic" or "Extended"))
        {
            return request.BadRequest("contentSelector.context must be None, Basic or Extended");
        }

        var exposed = selector?["exposedFields"] as JsonObject;
        if (!Paging.TryPage(calls!, Paging.BodyCursor(body), options.PageSize, out var page, out var records, out var error))
        {
            return request.BadRequest(error!);
        }

        var links = context == "None" ? null : new CallCrmLinks(crm.Snapshot(), withFields: context == "Extended");
        var items = new JsonArray();
        foreach (var call in page)
        {
            var item = new JsonObject { ["metaData"] = CompanyShapes.CallMetaData(call, request.BaseUrl) };
            if (links is not null)
            {
                item["context"] = links.CallContext(call);
            }

            if (Flag(exposed, "parties"))
            {
                item["parties"] = new JsonArray([.. call.Parties.Select(p => (JsonNode)WithContext(CompanyShapes.Party(p), links?.PartyContext(p, company.FindUser(p.UserId))))]);
            }

            if (exposed?["content"] is JsonObject)
            {
                item["content"] = new JsonObject { ["topics"] = new JsonArray(new JsonObject { ["name"] = "Pricing", ["duration"] = 120 }), ["brief"] = call.Title + ": next steps agreed." };
            }

            if (exposed?["interaction"] is JsonObject)
            {
                item["interaction"] = new JsonObject
                {
                    ["speakers"] = new JsonArray([.. call.Parties.Select(p => (JsonNode)new JsonObject { ["id"] = "sp-" + p.Id, ["userId"] = p.UserId, ["talkTime"] = call.DurationSeconds / (double)call.Parties.Count })]),
                    ["questions"] = new JsonObject { ["companyCount"] = 3, ["nonCompanyCount"] = 2 },
                };
            }

            if (exposed?["collaboration"] is JsonObject)
            {
                item["collaboration"] = new JsonObject { ["publicComments"] = new JsonArray() };
            }

            if (Flag(exposed, "media"))
            {
                item["media"] = new JsonObject { ["audioUrl"] = call.HasMedia ? request.BaseUrl + "media/" + call.Id + ".mp3" : null };
            }

            items.Add((JsonNode)item);
        }

        return request.Ok(new JsonObject { ["records"] = records, ["calls"] = items });
    }

    private async Task<ApiResult> TranscriptsAsync(ApiRequest request, CancellationToken ct)
    {
        var (body, calls, problem) = await FilteredAsync(request, withOwners: false, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        return Paging.TryPage(calls!, Paging.BodyCursor(body!), options.PageSize, out var page, out var records, out var error)
            ? request.Ok(new JsonObject { ["records"] = records, ["callTranscripts"] = new JsonArray([.. page.Select(c => (JsonNode)CompanyShapes.Transcript(c))]) })
            : request.BadRequest(error!);
    }

    [SuppressMessage("Maintainability", "CA1502", Justification = "A flat list of the documented checks; most branches are null-conditional reads of optional JSON fields.")]
    private async Task<ApiResult> AddAsync(ApiRequest request, CancellationToken ct)
    {
        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } body)
        {
            return request.NoBody();
        }

        var missing = new[] { "clientUniqueId", "actualStart", "direction", "primaryUser" }.Where(f => string.IsNullOrWhiteSpace(body[f]?.ToString())).ToList();
        var parties = body["parties"] as JsonArray;
        if (parties is not { Count: > 0 })
        {
            missing.Add("parties");
        }

        if (missing.Count > 0)
        {
            return request.BadRequest([.. missing.Select(f => f + " is mandatory")]);
        }

        if (!ApiRequest.TryTime(body["actualStart"]!.ToString(), "actualStart", out var started, out var error))
        {
            return request.BadRequest(error!);
        }

        if (company.FindUser(body["primaryUser"]!.ToString()) is not { } host)
        {
            return request.BadRequest("primaryUser is not a Gong user");
        }

        var list = parties!.Select((p, i) => new SandboxParty(
            p?["partyId"]?.ToString() ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            p?["name"]?.ToString(),
            p?["emailAddress"]?.ToString(),
            p?["phoneNumber"]?.ToString(),
            p?["userId"]?.ToString() ?? company.FindUserByEmail(p?["emailAddress"]?.ToString())?.Id)).ToList();
        var call = company.AddCall(id => new SandboxCall(id, body["title"]?.ToString() ?? "Untitled call", started!.Value, (long)(body["duration"]?.GetValue<double>() ?? 0), host.Id, list)
        {
            Direction = body["direction"]!.ToString(),
            ClientUniqueId = body["clientUniqueId"]!.ToString(),
            Purpose = body["purpose"]?.ToString(),
            WorkspaceId = body["workspaceId"]?.ToString() ?? SandboxSeed.MainWorkspaceId,
        });
        return call is null
            ? request.BadRequest("A call with this clientUniqueId already exists")
            : request.Ok(new JsonObject { ["callId"] = call.Id });
    }

    private async Task<ApiResult> MediaAsync(ApiRequest request, CancellationToken ct)
    {
        var id = request.PathValue("id");
        if (!request.Context.Request.HasFormContentType)
        {
            return request.BadRequest("The request must be multipart/form-data with a part named mediaFile");
        }

        var form = await request.Context.Request.ReadFormAsync(ct).ConfigureAwait(false);
        if (form.Files.GetFile("mediaFile") is not { Length: > 0 })
        {
            return request.BadRequest("The multipart part mediaFile is missing or empty");
        }

        return company.AttachMedia(id)
            ? request.Created(new JsonObject { ["callId"] = id, ["url"] = request.BaseUrl + "call?id=" + id })
            : request.NotFound("Call ID was not found");
    }

    private ApiResult ManualAssociations(ApiRequest request)
    {
        if (!ApiRequest.TryTime(request.Query("fromDateTime"), "fromDateTime", out var from, out var error))
        {
            return request.BadRequest(error!);
        }

        var links = new CallCrmLinks(crm.Snapshot(), withFields: false);
        var associations = new List<JsonObject>();
        foreach (var call in company.Calls().Where(c => from is null || c.Started >= from).OrderBy(c => c.Started))
        {
            var objects = links.CallContext(call).SelectMany(system => (system?["objects"] as JsonArray) ?? []).ToList();
            var accounts = objects.Where(o => o?["objectType"]?.ToString() == "Account").Select(o => o!["objectId"]!.ToString()).ToList();
            var deals = objects.Where(o => o?["objectType"]?.ToString() == "Opportunity").Select(o => o!["objectId"]!.ToString()).ToList();
            if (accounts.Count > 0)
            {
                associations.Add(new JsonObject
                {
                    ["callId"] = call.Id,
                    ["userId"] = call.PrimaryUserId,
                    ["created"] = CompanyShapes.DateTime(call.Started.AddHours(1)),
                    ["associatedCrmObjects"] = new JsonArray([.. accounts.Select(a => (JsonNode)new JsonObject { ["accountCrmId"] = a, ["dealCrmId"] = deals.FirstOrDefault() })]),
                });
            }
        }

        return Paging.TryPage(associations, request.Query("cursor"), options.PageSize, out var page, out var records, out error)
            ? request.Ok(new JsonObject { ["records"] = records, ["associations"] = new JsonArray([.. page.Select(a => (JsonNode)a)]) })
            : request.BadRequest(error!);
    }

    private static bool Flag(JsonObject? exposed, string name) => exposed?[name] is JsonValue value && value.TryGetValue<bool>(out var yes) && yes;

    private static JsonObject WithContext(JsonObject party, JsonArray? context)
    {
        if (context is not null)
        {
            party["context"] = context;
        }

        return party;
    }

    /// <summary>Reads the body of the POST operations that take <c>{filter: {fromDateTime, toDateTime, workspaceId,
    /// callIds, primaryUserIds}}</c>; Gong answers 404 when no call matches.</summary>
    private async Task<(JsonObject? Body, List<SandboxCall>? Calls, ApiResult? Problem)> FilteredAsync(ApiRequest request, bool withOwners, CancellationToken ct)
    {
        if (await request.ReadObjectAsync(ct).ConfigureAwait(false) is not { } body)
        {
            return (null, null, request.NoBody());
        }

        if (body["filter"] is not JsonObject filter)
        {
            return (null, null, request.Missing("filter"));
        }

        if (!ApiRequest.TryTime(filter["fromDateTime"]?.ToString(), "fromDateTime", out var from, out var error)
            || !ApiRequest.TryTime(filter["toDateTime"]?.ToString(), "toDateTime", out var to, out error))
        {
            return (null, null, request.BadRequest(error!));
        }

        var calls = Select(from, to, filter["workspaceId"]?.ToString(), Ids(filter["callIds"]), withOwners ? Ids(filter["primaryUserIds"]) : null);
        return calls.Count == 0
            ? (null, null, request.NotFound("No calls found corresponding to the provided filters"))
            : (body, calls, null);
    }

    private static HashSet<string>? Ids(JsonNode? array) =>
        array is JsonArray items ? items.Select(i => i?.ToString() ?? string.Empty).ToHashSet(StringComparer.Ordinal) : null;

    private List<SandboxCall> Select(DateTimeOffset? from, DateTimeOffset? to, string? workspaceId, HashSet<string>? callIds, HashSet<string>? primaryUserIds) =>
        [.. company.Calls()
            .Where(c => (from is null || c.Started >= from) && (to is null || c.Started < to)
                && (workspaceId is null || c.WorkspaceId == workspaceId)
                && (callIds is null || callIds.Contains(c.Id))
                && (primaryUserIds is null || primaryUserIds.Contains(c.PrimaryUserId)))
            .OrderBy(c => c.Started)
            .ThenBy(c => c.Id, StringComparer.Ordinal)];
}
