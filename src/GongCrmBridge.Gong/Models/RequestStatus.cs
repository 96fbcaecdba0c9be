namespace GongCrmBridge.Gong.Models;

/// <summary>The processing state of an asynchronous request.</summary>
public enum RequestState
{
    /// <summary>Queued (<c>PENDING</c>).</summary>
    Pending,

    /// <summary>Being processed (<c>IN_PROGRESS</c>).</summary>
    InProgress,

    /// <summary>Every object was processed (<c>DONE</c>).</summary>
    Done,

    /// <summary>Some objects could not be parsed, or processing failed as a whole (<c>FAILED</c>).</summary>
    Failed,
}

/// <summary>Gong's names of <see cref="RequestState"/> values on the wire.</summary>
public static class RequestStates
{
    /// <summary>Returns Gong's name of <paramref name="state"/>, e.g. <c>IN_PROGRESS</c>; null for null.</summary>
    public static string? ToWireName(this RequestState? state) => state switch
    {
        RequestState.Pending => "PENDING",
        RequestState.InProgress => "IN_PROGRESS",
        RequestState.Done => "DONE",
        RequestState.Failed => "FAILED",
        _ => null,
    };

    /// <summary>Parses Gong's name of a state; null when it is missing or not one Gong documents.</summary>
    public static RequestState? ParseWireName(string? name) => name switch
    {
        "PENDING" => RequestState.Pending,
        "IN_PROGRESS" => RequestState.InProgress,
        "DONE" => RequestState.Done,
        "FAILED" => RequestState.Failed,
        _ => null,
    };
}

/// <summary>One problem Gong found in an uploaded file.</summary>
/// <param name="Line">The line in the file (0 = the whole file), if given.</param>
/// <param name="Description">Gong's description, if given.</param>
public sealed record RequestError(int? Line, string? Description);

/// <summary>The answer of <c>GET /v2/crm/request-status</c>. Gong documents no field as always present.</summary>
/// <param name="Status">The state, or <see langword="null"/> when missing or not one Gong documents.</param>
/// <param name="Errors">Up to 20 problems (empty when none were sent).</param>
/// <param name="TotalErrorCount">The number of objects that failed, if sent.</param>
/// <param name="TotalSuccessCount">The number of objects accepted, if sent.</param>
/// <param name="RequestId">Gong's <c>requestId</c> of this status call.</param>
public sealed record RequestStatus(
    RequestState? Status,
    IReadOnlyList<RequestError> Errors,
    int? TotalErrorCount,
    int? TotalSuccessCount,
    string? RequestId)
{
    /// <summary>Gets a value indicating whether processing has finished (<see cref="RequestState.Done"/> or <see cref="RequestState.Failed"/>).</summary>
    public bool IsFinal => Status is RequestState.Done or RequestState.Failed;
}
