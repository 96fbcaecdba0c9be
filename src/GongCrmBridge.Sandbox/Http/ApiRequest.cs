using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GongCrmBridge.Sandbox.Wire;
using Microsoft.AspNetCore.Http;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>One call as an endpoint sees it: its requestId, path values, query, JSON body, and Gong's answers.</summary>
internal sealed class ApiRequest
{
    private readonly IReadOnlyDictionary<string, string> _pathValues;

    public ApiRequest(HttpContext context, string requestId, IReadOnlyDictionary<string, string> pathValues)
    {
        Context = context;
        RequestId = requestId;
        _pathValues = pathValues;
    }

    public HttpContext Context { get; }

    public string RequestId { get; }

    /// <summary>The base URL the client called, for the links Gong puts in answers.</summary>
    public string BaseUrl => $"{Context.Request.Scheme}://{Context.Request.Host}/";

    public string PathValue(string name) => _pathValues[name];

    public string? Query(string name)
    {
        var values = Context.Request.Query[name];
        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    public bool QueryFlag(string name) => string.Equals(Query(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a JSON object body; <see langword="null"/> when there is none or it is not an object (answer <see cref="NoBody"/>).</summary>
    public async Task<JsonObject?> ReadObjectAsync(CancellationToken ct)
    {
        try
        {
            using var reader = new StreamReader(Context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ApiResult Ok(JsonObject body) => Answer(200, body);

    public ApiResult Created(JsonObject body) => Answer(201, body);

    public ApiResult Done() => Ok([]);

    public ApiResult BadRequest(params string[] errors) => ApiResult.BadRequest(RequestId, errors);

    public ApiResult NotFound(string error) => ApiResult.Error(404, RequestId, error);

    public ApiResult NoBody() => BadRequest("The request body is missing or not a JSON object");

    public ApiResult Missing(string name) => BadRequest(name + " is missing");

    /// <summary>Parses an ISO-8601 date-time parameter; <paramref name="error"/> names it when it is not one.</summary>
    public static bool TryTime(string? text, string name, out DateTimeOffset? time, out string? error)
    {
        time = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        error = name + " is not an ISO-8601 date-time";
        return false;
    }

    private ApiResult Answer(int status, JsonObject body)
    {
        var answer = new JsonObject { ["requestId"] = RequestId };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            answer[name] = value;
        }

        return new ApiResult(status, answer);
    }
}

/// <summary>Gong's cursor paging: a page of <see cref="SandboxOptions.PageSize"/> items and, when more follow, a cursor
/// (opaque to clients: here the offset of the next page) that asks for them with the same request.</summary>
internal static class Paging
{
    private const string Prefix = "sbx-page-";

    /// <summary>Cuts the page a cursor asks for; <paramref name="error"/> is set for a cursor Gong did not give.</summary>
    public static bool TryPage<T>(IReadOnlyList<T> items, string? cursor, int pageSize, out IReadOnlyList<T> page, out JsonObject records, out string? error)
    {
        var offset = 0;
        error = null;
        if (cursor is not null && (!cursor.StartsWith(Prefix, StringComparison.Ordinal)
            || !int.TryParse(cursor.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            || offset > items.Count))
        {
            page = [];
            records = [];
            error = "cursor is not valid";
            return false;
        }

        page = [.. items.Skip(offset).Take(pageSize)];
        var next = offset + page.Count;
        records = CompanyShapes.Records(items.Count, page.Count, offset / pageSize, next < items.Count ? Prefix + next.ToString(CultureInfo.InvariantCulture) : null);
        return true;
    }

    /// <summary>The cursor of a POST body, if any.</summary>
    public static string? BodyCursor(JsonObject body) => body["cursor"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
