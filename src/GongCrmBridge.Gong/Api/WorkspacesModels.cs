// Gong's JSON objects of the Workspaces area, one record each, named for what they are (Gong's schema names are
// generated ones such as PublicApiBaseRequestV2CallsFilter). Properties carry Gong's field names (camelCase on the
// wire) and, on answers, are all nullable: Gong documents none as always present and may add fields at any time.
// Properties are not documented one by one: each is the Gong field of the same name; enumerations stay text.
#pragma warning disable CS1591

namespace GongCrmBridge.Gong.Api;

/// <summary>A workspace.</summary>
public sealed record Workspace
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
}

/// <summary>The answer of <c>GET /v2/workspaces</c>.</summary>
public sealed record WorkspacesResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<Workspace>? Workspaces { get; init; }
}
