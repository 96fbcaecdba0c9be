#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

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
