using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;

namespace GongCrmBridge.Gong.Api;

/// <summary>What every API area does with a request: send it and read the typed answer, or page through it.</summary>
internal static class ApiSend
{
    /// <summary>Sends and reads the answer; no body, or "nothing found", gives an empty answer (every field null).</summary>
    public static async Task<T> CallAsync<T>(this GongTransport transport, GongRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class, new() =>
        await transport.SendAsync(request, type, cancellationToken).ConfigureAwait(false) ?? new T();

    /// <summary>Yields the pages of a paged request (the one cursor loop: <c>GongTransport.PagesAsync</c>).</summary>
    public static IAsyncEnumerable<TPage> PagesAsync<TPage>(this GongTransport transport, GongRequest request, JsonTypeInfo<TPage> type, CancellationToken cancellationToken)
        where TPage : IGongPage =>
        transport.PagesAsync(request, type, page => page.Records?.Cursor, cancellationToken);

    /// <summary>Returns <paramref name="request"/> starting at <paramref name="cursor"/>, or unchanged without one.</summary>
    public static GongRequest From(this GongRequest request, string? cursor) =>
        string.IsNullOrEmpty(cursor) ? request : request.WithCursor(cursor);

    /// <summary>Serializes a request model into a JSON body.</summary>
    public static JsonNode Body<T>(T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToNode(value, type) ?? throw new ArgumentException("The body serializes to null.", nameof(value));
    }

    /// <summary>A request of <paramref name="operation"/> with a JSON body.</summary>
    public static GongRequest WithJson<T>(GongOperation operation, T value, JsonTypeInfo<T> type) =>
        new GongRequest(operation).WithBody(Body(value, type));
}
