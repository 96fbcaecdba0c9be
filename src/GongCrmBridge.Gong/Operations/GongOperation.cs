namespace GongCrmBridge.Gong.Operations;

/// <summary>Where an operation takes the cursor of its next page (CRM-API.md §1.5).</summary>
public enum GongPaging
{
    /// <summary>One answer, no pages.</summary>
    None,

    /// <summary>GET: the request repeated with the query parameter <c>cursor</c> = <c>records.cursor</c>.</summary>
    CursorInQuery,

    /// <summary>POST: the request repeated with the body property <c>cursor</c> = <c>records.cursor</c>.</summary>
    CursorInBody,
}

/// <summary>What an operation sends as its body.</summary>
public enum GongBodyKind
{
    /// <summary>No body.</summary>
    None,

    /// <summary>A JSON object or array (<c>application/json</c>).</summary>
    Json,

    /// <summary>One file as a <c>multipart/form-data</c> part (<see cref="GongOperation.FilePart"/>).</summary>
    Multipart,
}

/// <summary>Where a parameter travels.</summary>
public enum GongParameterLocation
{
    /// <summary>A segment of the path, e.g. <c>{id}</c> in <c>/v2/users/{id}</c>.</summary>
    Path,

    /// <summary>A query-string parameter.</summary>
    Query,
}

/// <summary>One path or query parameter the client sends.</summary>
/// <param name="Name">Gong's name of the parameter, e.g. <c>fromDateTime</c>.</param>
/// <param name="In">Path or query.</param>
/// <param name="Required">Whether Gong refuses the call without it (as it really behaves, see
/// <see cref="GongOperations"/> for where that differs from Gong's document).</param>
public sealed record GongParameter(string Name, GongParameterLocation In, bool Required = false);

/// <summary>One operation of Gong's API as this client sends it: method, path, parameters, body, paging and the
/// OAuth scope it needs. <see cref="GongOperations"/> lists all of them.</summary>
/// <param name="Area">The API area, as Gong groups it (e.g. <c>users</c>, <c>calls</c>, <c>crm</c>).</param>
/// <param name="OperationId">The operation's name: Gong's <c>operationId</c>, except where
/// <see cref="DocumentedOperationId"/> says Gong's is misleading.</param>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">The path template, e.g. <c>/v2/users/{id}</c>.</param>
/// <param name="Scope">The OAuth scope a bearer token needs, or <see langword="null"/> where Gong names none.</param>
public sealed record GongOperation(string Area, string OperationId, string Method, string Path, string? Scope)
{
    /// <summary>Gets the path and query parameters the client sends.</summary>
    public IReadOnlyList<GongParameter> Parameters { get; init; } = [];

    /// <summary>Gets what the operation sends as its body.</summary>
    public GongBodyKind Body { get; init; }

    /// <summary>Gets the name of the multipart part that carries the file (<see cref="GongBodyKind.Multipart"/>).</summary>
    public string? FilePart { get; init; }

    /// <summary>Gets how the operation pages.</summary>
    public GongPaging Paging { get; init; }

    /// <summary>Gets a value indicating whether the operation destroys data in Gong (the CLI asks for <c>--yes</c>).</summary>
    public bool DestroysData { get; init; }

    /// <summary>Gets a value indicating whether Gong's 404 means "nothing matched the filter" (an empty answer)
    /// rather than a failure, as Gong documents for its list operations ("no calls found for the specified period").</summary>
    public bool EmptyWhenNotFound { get; init; }

    /// <summary>Gets Gong's own <c>operationId</c> where this client uses another name, else <see langword="null"/>.</summary>
    public string? DocumentedOperationId { get; init; }

    /// <summary>Gets a value indicating whether only Gong's older (2023) document describes the operation.</summary>
    public bool LegacyOnly { get; init; }

    /// <summary>Gets the operation as "METHOD /path", the form used in logs and exception messages (no values: a
    /// query may hold an email address).</summary>
    public string Name => Method + " " + Path;

    /// <summary>Returns the declared parameter called <paramref name="name"/> at <paramref name="location"/>, if any.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="location">Path or query.</param>
    /// <returns>The parameter, or <see langword="null"/>.</returns>
    public GongParameter? FindParameter(string name, GongParameterLocation location) =>
        Parameters.FirstOrDefault(p => p.In == location && string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override string ToString() => Name;
}
