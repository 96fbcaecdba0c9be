#pragma warning disable CS1591 // Gong's fields, one property each: see GongApiJson.cs

namespace GongCrmBridge.Gong.Api;

/// <summary>The body of <c>POST /v2/flows/prospects/assign</c> (at most 100 prospects).</summary>
public sealed record AssignFlowRequest
{
    public required IReadOnlyList<string> CrmProspectsIds { get; init; }
    public required string FlowId { get; init; }
    public required string FlowInstanceOwnerEmail { get; init; }
    public AssignOverrides? Overrides { get; init; }
    public string? FlowInstanceDescription { get; init; }
}

/// <summary>The answer of <c>POST /v2/flows/prospects/assign</c>: who was assigned and who was not.</summary>
public sealed record AssignFlowResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<AssignedFlow>? ProspectsAssigned { get; init; }
    public IReadOnlyList<AssignedFlowFailure>? ProspectsNotAssigned { get; init; }
}

/// <summary>What an assignment changes of the flow: step contents, variables, cool-off.</summary>
public sealed record AssignOverrides
{
    public IReadOnlyList<StepContentOverride>? Steps { get; init; }
    public IReadOnlyList<VariableValueOverride>? FlowInstanceVariables { get; init; }
    public bool? CoolOffOverride { get; init; }
}

/// <summary>A prospect's assignment to a flow.</summary>
public sealed record AssignedFlow
{
    public string? FlowId { get; init; }
    public string? FlowName { get; init; }
    public string? CrmProspectId { get; init; }
    public string? FlowInstanceId { get; init; }
    public string? FlowInstanceOwnerEmail { get; init; }
    public string? FlowInstanceOwnerFullName { get; init; }
    public string? FlowInstanceCreateDate { get; init; }

    /// <summary>Gets Gong's value: <c>Pending</c>, <c>Running</c>, <c>Paused</c>, <c>FinishedNoReply</c>, <c>FinishedResponse</c>, <c>Finished</c> (text: Gong may add values).</summary>
    public string? FlowInstanceStatus { get; init; }

    public string? WorkspaceId { get; init; }
    public bool? Exclusive { get; init; }
}

/// <summary>A prospect that was not assigned, and why.</summary>
public sealed record AssignedFlowFailure
{
    public string? FlowId { get; init; }
    public string? CrmProspectId { get; init; }

    /// <summary>Gets Gong's value: <c>InvalidArgument</c>, <c>InvalidState</c>, <c>UnexpectedError</c> (text: Gong may add values).</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>An Engage flow.</summary>
public sealed record EngageFlow
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? FolderId { get; init; }
    public string? FolderName { get; init; }

    /// <summary>Gets Gong's value: <c>Company</c>, <c>Personal</c>, <c>Shared</c> (text: Gong may add values).</summary>
    public string? Visibility { get; init; }

    public string? CreationDate { get; init; }
    public bool? Exclusive { get; init; }
}

/// <summary>One page of <c>GET /v2/flows</c>.</summary>
public sealed record FlowsPage : IGongPage
{
    public string? RequestId { get; init; }
    public GongRecords? Records { get; init; }
    public IReadOnlyList<EngageFlow>? Flows { get; init; }
}

/// <summary>The body of <c>POST /v2/flows/prospects</c>: prospects (CRM ids) or flow instances.</summary>
public sealed record ProspectFlowsRequest
{
    public IReadOnlyList<string>? CrmProspectsIds { get; init; }
    public IReadOnlyList<string>? FlowInstanceIds { get; init; }
}

/// <summary>The answer of <c>POST /v2/flows/prospects</c>.</summary>
public sealed record ProspectFlowsResponse
{
    public string? RequestId { get; init; }
    public IReadOnlyList<AssignedFlow>? ProspectsAssigned { get; init; }
}

/// <summary>A flow step's subject and body for this assignment.</summary>
public sealed record StepContentOverride
{
    public required int Number { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
}

/// <summary>A flow variable's value for this assignment.</summary>
public sealed record VariableValueOverride
{
    public required string Name { get; init; }
    public required string Value { get; init; }
}
