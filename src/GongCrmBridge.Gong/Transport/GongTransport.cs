using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Flurl.Http;
using Flurl.Http.Configuration;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Resilience;
using GongCrmBridge.Gong.Wire;
using Microsoft.Extensions.Logging;
using Polly;

namespace GongCrmBridge.Gong.Transport;

/// <summary>Sends calls to Gong: Flurl.Http for HTTP, one Polly pipeline (retry → shared rate limiter → per-attempt
/// timeout) around every attempt, one counter of every attempt. Every API area of the client shares one instance.</summary>
[SuppressMessage("Maintainability", "CA1506", Justification = "The one place where HTTP, the resilience pipeline, the rate limiter and the wire envelope meet.")]
internal sealed partial class GongTransport : IDisposable
{
    private readonly GongClientOptions _options;
    private readonly ILogger _logger;
    private readonly IntervalRateLimiter _limiter;
    private readonly ResiliencePipeline<IFlurlResponse> _pipeline;
    private long _callsMade;

    /// <summary>Initializes a new instance of the <see cref="GongTransport"/> class.</summary>
    /// <param name="options">Validated options that nobody changes any more (the client's own copy).</param>
    /// <param name="logger">Receives retries and failures.</param>
    public GongTransport(GongClientOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _limiter = new IntervalRateLimiter(options.RequestsPerSecond, options.TimeProvider);
        _pipeline = GongResilience.Create(options, _limiter, logger);
        Http = new FlurlClientBuilder(options.BaseUrl.AbsoluteUri)
            .UseSocketsHttpHandler(handler =>
            {
                // Every attempt on a connection of its own, never re-sent by the handler: see OneConnectionPerAttempt.
                OneConnectionPerAttempt.Apply(handler);
                handler.ConnectTimeout = TimeSpan.FromSeconds(30);
            })
            .WithSettings(settings =>
            {
                settings.Timeout = null; // the Polly pipeline times each attempt, on the injected clock
                settings.AllowedHttpStatusRange = "*"; // statuses are outcomes for the pipeline, not exceptions
                settings.JsonSerializer = new DefaultJsonSerializer(GongJson.Options);
                settings.Redirects.ForwardAuthorizationHeader = false;
            })
            .WithHeader("User-Agent", "GongCrmBridge")
            .WithHeader("Accept", "application/json")
            .WithHeader("Connection", "close")
            .Build();
    }

    public IFlurlClient Http { get; }

    public GongClientOptions Options => _options;

    public ILogger Logger => _logger;

    public long CallsMade => Interlocked.Read(ref _callsMade);

    /// <summary>Sends a request and reads Gong's answer as <typeparamref name="T"/>.</summary>
    /// <returns>The answer; <see langword="null"/> when Gong sent no body, or answered 404 on an operation where that
    /// means "nothing found" (<see cref="GongOperation.EmptyWhenNotFound"/>).</returns>
    public async Task<T?> SendAsync<T>(GongRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        ThrowIfIncomplete(request);
        var call = new GongCall(request);
        var (response, _) = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (response.StatusCode == 404 && request.Operation.EmptyWhenNotFound)
            {
                return default;
            }

            await ThrowIfFailedAsync(response, call).ConfigureAwait(false);
            return await ReadAsync(response, call, type).ConfigureAwait(false);
        }
    }

    /// <summary>Describes what <see cref="SendAsync{T}(GongRequest, JsonTypeInfo{T}, CancellationToken)"/> would send,
    /// the credentials masked.</summary>
    public GongRequestPreview Preview(GongRequest request)
    {
        var call = new GongCall(request);
        var url = Http.Request(call.Path);
        foreach (var (name, value) in call.Query)
        {
            url.SetQueryParam(name, value);
        }

        var headers = new List<KeyValuePair<string, string>>
        {
            new("Authorization", _options.Credentials.Scheme + " ***"),
            new("Accept", "application/json"),
            new("User-Agent", "GongCrmBridge"),
        };
        string? body = null;
        if (request.Body is { } json)
        {
            headers.Add(new("Content-Type", "application/json; charset=utf-8"));
            body = Indented(json);
        }
        else if (request.File is { } file)
        {
            headers.Add(new("Content-Type", "multipart/form-data"));
            var length = new FileInfo(file.Path) is { Exists: true } info
                ? info.Length.ToString(CultureInfo.InvariantCulture) + " bytes"
                : "not found";
            body = $"part '{request.Operation.FilePart}': {Path.GetFileName(file.Path)} ({file.ContentType}, {length})";
        }

        return new GongRequestPreview(request.Operation.Method, url.Url.ToString(), headers, body);
    }

    public void Dispose()
    {
        Http.Dispose();
        _limiter.Dispose();
    }

    /// <summary>Reads a 2xx answer's JSON; an empty body gives <see langword="null"/>.</summary>
    public static async Task<T?> ReadAsync<T>(IFlurlResponse response, GongCall call, JsonTypeInfo<T> type)
    {
        var text = await response.GetStringAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException exception)
        {
            throw new GongApiException(call.Operation, response.StatusCode, null, [], "(the response is not the JSON Gong documents)", exception);
        }
    }

    /// <summary>Runs one logical call through the pipeline; returns the final response, whatever its status.</summary>
    public async Task<(IFlurlResponse Response, AttemptLog Attempts)> SendAsync(GongCall call, CancellationToken cancellationToken)
    {
        var attempts = new AttemptLog();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(GongResilience.OperationKey, call.Operation);
        context.Properties.Set(GongResilience.AttemptTimeoutKey, _options.AttemptTimeoutFor(call.FileBytes));
        try
        {
            var response = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<IFlurlResponse>(state.Transport.AttemptAsync(state.Call, state.Attempts, ctx.CancellationToken)),
                context,
                (Transport: this, Call: call, Attempts: attempts)).ConfigureAwait(false);
            return (response, attempts);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
        {
            throw new OperationCanceledException("The Gong call was cancelled.", exception, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && GongResilience.IsTransient(exception))
        {
            GongLog.CallFailed(_logger, call.Operation, null, null);
            throw new GongApiException(
                call.Operation,
                statusCode: null,
                requestId: null,
                errors: [],
                detail: string.Create(CultureInfo.InvariantCulture, $"without an answer after {attempts.Count} attempt(s): {NetworkFailure.Describe(exception, _options.BaseUrl, _options.AttemptTimeoutFor(call.FileBytes))}"),
                innerException: exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public async Task ThrowIfFailedAsync(IFlurlResponse response, GongCall call)
    {
        if (response.StatusCode is >= 200 and <= 299)
        {
            return;
        }

        var error = await ReadErrorAsync(response).ConfigureAwait(false);
        GongLog.CallFailed(_logger, call.Operation, response.StatusCode, error.RequestId);
        if (response.StatusCode == 429)
        {
            var retryAfter = RetryAfter.Read(response.ResponseMessage, _options.TimeProvider.GetUtcNow());
            throw new GongRateLimitedException(call.Operation, error.RequestId, error.Errors, retryAfter);
        }

        throw new GongApiException(call.Operation, response.StatusCode, error.RequestId, error.Errors);
    }

    public async Task<(string? RequestId, IReadOnlyList<string> Errors)> ReadErrorAsync(IFlurlResponse response)
    {
        string text;
        try
        {
            text = await response.GetStringAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or FlurlHttpException)
        {
            return (null, []);
        }

        try
        {
            var body = JsonSerializer.Deserialize(text, GongJson.TypeInfo<ErrorResponse>());
            var errors = new List<string>();
            if (body?.Errors is { ValueKind: JsonValueKind.Array } array)
            {
                errors.AddRange(array.EnumerateArray().Select(item => Scrub(item.ValueKind == JsonValueKind.String ? item.GetString() ?? string.Empty : item.GetRawText())));
            }
            else if (body?.Errors is { ValueKind: JsonValueKind.String } single)
            {
                errors.Add(Scrub(single.GetString() ?? string.Empty));
            }

            return (GongText.Clean(body?.RequestId, 100), errors);
        }
        catch (JsonException)
        {
            // Not Gong's envelope (a proxy's HTML page, say): the raw body is not quoted, it may echo the request.
            return (null, []);
        }
    }

    /// <summary>The JSON as a person reads it: indented, non-ASCII letters as they are.</summary>
    private static string Indented(JsonNode json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void ThrowIfIncomplete(GongRequest request)
    {
        var problems = request.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }
    }

    /// <summary>One HTTP attempt (counted), with a fresh body.</summary>
    private async Task<IFlurlResponse> AttemptAsync(GongCall call, AttemptLog attempts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _callsMade);
        _options.AttemptMade?.Invoke();
        using var content = call.Content?.Invoke();
        var request = Http.Request(call.Path).WithHeader("Authorization", _options.Credentials.AuthorizationHeader);
        foreach (var (name, value) in call.Query)
        {
            request.SetQueryParam(name, value);
        }

        try
        {
            var response = await request.SendAsync(call.Method, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            attempts.Record(response.StatusCode);
            return response;
        }
        catch
        {
            attempts.Record(null);
            throw;
        }
    }

    /// <summary>Blanks any credential an error text might echo back, then makes it safe for a report (<see cref="GongText"/>).</summary>
    private string Scrub(string text)
    {
        foreach (var secret in _options.Credentials.Secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return GongText.Clean(text)!;
    }
}
