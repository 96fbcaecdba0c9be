using System.Globalization;
using System.Text.Json.Nodes;

namespace GongCrmBridge.Gong.Operations;

/// <summary>A file sent as the one multipart part of an operation (<see cref="GongOperation.FilePart"/>), streamed from disk.</summary>
/// <param name="Path">The file.</param>
/// <param name="ContentType">The part's media type, e.g. <c>application/x-ndjson</c>.</param>
public sealed record GongFile(string Path, string ContentType);

/// <summary>One call of a <see cref="GongOperation"/>: its path values, query, and JSON body or file. Immutable: every
/// <c>With…</c> returns a new request.</summary>
/// <remarks>Only the parameters the operation declares can be set, so every request the client sends is one that
/// <see cref="GongOperations"/> (checked against Gong's document) describes.</remarks>
public sealed record GongRequest
{
    /// <summary>Initializes a new instance of the <see cref="GongRequest"/> class.</summary>
    /// <param name="operation">The operation to call.</param>
    public GongRequest(GongOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Operation = operation;
    }

    /// <summary>Gets the operation.</summary>
    public GongOperation Operation { get; }

    /// <summary>Gets the path parameters' values by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PathValues { get; private init; } = [];

    /// <summary>Gets the query parameters in the order set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; private init; } = [];

    /// <summary>Gets the JSON body, or <see langword="null"/>. Never changed once set (a copy is made for a cursor).</summary>
    public JsonNode? Body { get; private init; }

    /// <summary>Gets the file of a multipart operation, or <see langword="null"/>.</summary>
    public GongFile? File { get; private init; }

    /// <summary>Returns this request with a path parameter set.</summary>
    /// <param name="name">A path parameter the operation declares, e.g. <c>id</c>.</param>
    /// <param name="value">Its value (escaped when sent).</param>
    /// <returns>The new request.</returns>
    /// <exception cref="ArgumentException">The operation has no such path parameter, or the value is empty.</exception>
    public GongRequest WithPath(string name, string value)
    {
        Declared(name, GongParameterLocation.Path);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return this with { PathValues = [.. PathValues.Where(p => p.Key != name), new(name, value)] };
    }

    /// <summary>Returns this request with a query parameter set (replacing an earlier value), or unchanged for
    /// <see langword="null"/>.</summary>
    /// <param name="name">A query parameter the operation declares.</param>
    /// <param name="value">Its value; <see langword="null"/> leaves the parameter out.</param>
    /// <returns>The new request.</returns>
    /// <exception cref="ArgumentException">The operation has no such query parameter.</exception>
    public GongRequest WithQuery(string name, string? value)
    {
        Declared(name, GongParameterLocation.Query);
        return value is null ? this : this with { Query = [.. Query.Where(p => p.Key != name), new(name, value)] };
    }

    /// <summary>Returns this request with a boolean query parameter (<c>true</c>/<c>false</c>), or unchanged for null.</summary>
    /// <param name="name">A query parameter the operation declares.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The new request.</returns>
    public GongRequest WithQuery(string name, bool? value) => WithQuery(name, value is { } flag ? (flag ? "true" : "false") : null);

    /// <summary>Returns this request with an ISO-8601 date-time query parameter, or unchanged for null.</summary>
    /// <param name="name">A query parameter the operation declares.</param>
    /// <param name="value">Its value, sent as <c>yyyy-MM-ddTHH:mm:ssK</c> (Gong's examples; no fractions).</param>
    /// <returns>The new request.</returns>
    public GongRequest WithQuery(string name, DateTimeOffset? value) => WithQuery(name, value is { } time ? FormatDateTime(time) : null);

    /// <summary>Returns this request with a JSON body.</summary>
    /// <param name="body">The body; the request keeps its own copy.</param>
    /// <returns>The new request.</returns>
    /// <exception cref="InvalidOperationException">The operation takes no JSON body.</exception>
    public GongRequest WithBody(JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Operation.Body != GongBodyKind.Json)
        {
            throw new InvalidOperationException($"{Operation.Name} takes no JSON body.");
        }

        return this with { Body = body.DeepClone() };
    }

    /// <summary>Returns this request with the file of a multipart operation.</summary>
    /// <param name="path">The file (must exist when sent).</param>
    /// <param name="contentType">The part's media type.</param>
    /// <returns>The new request.</returns>
    /// <exception cref="InvalidOperationException">The operation takes no file.</exception>
    public GongRequest WithFile(string path, string contentType = "application/octet-stream")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Operation.Body != GongBodyKind.Multipart)
        {
            throw new InvalidOperationException($"{Operation.Name} takes no file.");
        }

        return this with { File = new GongFile(path, contentType) };
    }

    /// <summary>Returns this request asking for the page after <paramref name="cursor"/>: the query parameter or the
    /// body property <c>cursor</c>, as the operation pages.</summary>
    /// <param name="cursor">The <c>records.cursor</c> of the previous page.</param>
    /// <returns>The new request.</returns>
    /// <exception cref="InvalidOperationException">The operation does not page.</exception>
    public GongRequest WithCursor(string cursor)
    {
        ArgumentException.ThrowIfNullOrEmpty(cursor);
        switch (Operation.Paging)
        {
            case GongPaging.CursorInQuery:
                return WithQuery("cursor", cursor);
            case GongPaging.CursorInBody:
                var body = Body?.DeepClone() as JsonObject ?? [];
                body["cursor"] = cursor;
                return this with { Body = body };
            default:
                throw new InvalidOperationException($"{Operation.Name} does not page.");
        }
    }

    /// <summary>Lists what the request lacks before it can be sent: required parameters, the body, the file.</summary>
    /// <returns>One sentence per problem (empty when the request is complete).</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var parameter in Operation.Parameters.Where(p => p.Required))
        {
            var values = parameter.In == GongParameterLocation.Path ? PathValues : Query;
            if (!values.Any(v => v.Key == parameter.Name))
            {
                problems.Add($"{Operation.Name} needs the {(parameter.In == GongParameterLocation.Path ? "path" : "query")} parameter '{parameter.Name}'.");
            }
        }

        if (Operation.Body == GongBodyKind.Json && Body is null)
        {
            problems.Add($"{Operation.Name} needs a JSON body.");
        }

        if (Operation.Body == GongBodyKind.Multipart && File is null)
        {
            problems.Add($"{Operation.Name} needs a file (multipart part '{Operation.FilePart}').");
        }

        return problems;
    }

    /// <summary>Formats a date-time as Gong's examples do: <c>2024-03-01T08:00:00Z</c> or with its offset, no fractions.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The text.</returns>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private void Declared(string name, GongParameterLocation location)
    {
        if (Operation.FindParameter(name, location) is null)
        {
            throw new ArgumentException($"{Operation.Name} has no {(location == GongParameterLocation.Path ? "path" : "query")} parameter '{name}'.", nameof(name));
        }
    }
}
