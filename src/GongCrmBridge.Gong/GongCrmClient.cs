using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Flurl.Http;
using Flurl.Http.Configuration;
using Flurl.Http.Content;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Gong.Resilience;
using GongCrmBridge.Gong.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace GongCrmBridge.Gong;

/// <summary>The Gong Generic CRM client: Flurl.Http for HTTP, one Polly pipeline (retry → shared rate limiter →
/// per-attempt timeout) around every attempt.</summary>
/// <remarks>Thread-safe: share one instance per Gong company so that its rate limiter sees every call.</remarks>
[SuppressMessage("Maintainability", "CA1506", Justification = "The one implementation of IGongCrmClient: every endpoint's wire and model types meet here, behind one resilience pipeline.")]
public sealed class GongCrmClient : IGongCrmClient, IDisposable
{
    /// <summary>Gong's maximum number of objectIds per <c>GET /v2/crm/entities</c> call.</summary>
    public const int MaxObjectIdsPerCall = 100;

    private const string IntegrationsPath = "v2/crm/integrations";
    private const string SchemaPath = "v2/crm/entity-schema";
    private const string EntitiesPath = "v2/crm/entities";
    private const string RequestStatusPath = "v2/crm/request-status";
    private const int FileBufferSize = 81920;

    private readonly GongCredentials _credentials;
    private readonly long _maxUploadBytes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IntervalRateLimiter _limiter;
    private readonly ResiliencePipeline<IFlurlResponse> _pipeline;
    private long _callsMade;

    /// <summary>Initializes a new instance of the <see cref="GongCrmClient"/> class.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="logger">Receives retries and failures (never credentials or record data).</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public GongCrmClient(GongClientOptions options, ILogger<GongCrmClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Snapshot what is used later: the options object stays the caller's to change.
        _credentials = options.Credentials;
        _maxUploadBytes = options.MaxUploadBytes;
        _timeProvider = options.TimeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var snapshot = new GongClientOptions
        {
            BaseUrl = options.BaseUrl,
            Credentials = options.Credentials,
            RequestsPerSecond = options.RequestsPerSecond,
            MaxRetries = options.MaxRetries,
            AttemptTimeout = options.AttemptTimeout,
            RetryBaseDelay = options.RetryBaseDelay,
            MaxRetryDelay = options.MaxRetryDelay,
            MaxUploadBytes = options.MaxUploadBytes,
            TimeProvider = options.TimeProvider,
        };
        _limiter = new IntervalRateLimiter(snapshot.RequestsPerSecond, snapshot.TimeProvider);
        _pipeline = GongResilience.Create(snapshot, _limiter, _logger);
        Http = new FlurlClientBuilder(snapshot.BaseUrl.AbsoluteUri)
            .WithSettings(settings =>
            {
                settings.Timeout = null; // the Polly pipeline times each attempt, on the injected clock
                settings.AllowedHttpStatusRange = "*"; // statuses are outcomes for the pipeline, not exceptions
                settings.JsonSerializer = new DefaultJsonSerializer(GongJson.Options);
                settings.Redirects.ForwardAuthorizationHeader = false;
            })
            .WithHeader("User-Agent", "GongCrmBridge")
            .WithHeader("Accept", "application/json")
            .Build();
    }

    /// <inheritdoc/>
    public long CallsMade => Interlocked.Read(ref _callsMade);

    /// <summary>Gets the Flurl client (tests hook its events to time-stamp attempts).</summary>
    internal IFlurlClient Http { get; }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CrmIntegration>> ListIntegrationsAsync(CancellationToken cancellationToken = default)
    {
        var call = new GongCall(HttpMethod.Get, IntegrationsPath);
        var (response, _) = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            await ThrowIfFailedAsync(response, call).ConfigureAwait(false);
            var body = await ReadAsync<ListIntegrationsResponse>(response, call).ConfigureAwait(false);
            return [.. (body?.Integrations ?? [])
                .Where(item => item?.IntegrationId is not null)
                .Select(item => new CrmIntegration(item!.IntegrationId!.Value, item.Name ?? string.Empty, item.OwnerEmail))];
        }
    }

    /// <inheritdoc/>
    public async Task<CrmIntegration> RegisterIntegrationAsync(string name, string ownerEmail, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerEmail);
        var call = new GongCall(HttpMethod.Put, IntegrationsPath)
        {
            Content = () => JsonContent(new RegisterIntegrationRequest(name, ownerEmail)),
        };
        var (response, attempts) = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (response.StatusCode == 409)
            {
                var error = await ReadErrorAsync(response).ConfigureAwait(false);
                var existing = await TryFindExistingIntegrationAsync(name, cancellationToken).ConfigureAwait(false);
                if (existing is not null && attempts.EarlierAttemptMayHaveSucceeded &&
                    string.Equals(existing.Name, name, StringComparison.Ordinal) &&
                    string.Equals(existing.OwnerEmail, ownerEmail, StringComparison.OrdinalIgnoreCase))
                {
                    // Our own earlier attempt created it; its answer was lost.
                    return existing;
                }

                GongLog.IntegrationExists(_logger, existing?.IntegrationId);
                throw new IntegrationExistsException(call.Operation, error.RequestId, error.Errors, existing);
            }

            await ThrowIfFailedAsync(response, call).ConfigureAwait(false);
            var body = await ReadAsync<RegisterIntegrationResponse>(response, call).ConfigureAwait(false);
            if (body?.IntegrationId is not { } integrationId)
            {
                throw new GongApiException(call.Operation, response.StatusCode, body?.RequestId, [], "(the response has no integrationId)");
            }

            return new CrmIntegration(integrationId, name, ownerEmail);
        }
    }

    /// <inheritdoc/>
    public async Task<UploadReceipt> DeleteIntegrationAsync(long integrationId, string clientRequestId, CancellationToken cancellationToken = default)
    {
        ClientRequestIds.ThrowIfInvalid(clientRequestId, nameof(clientRequestId));
        var call = new GongCall(HttpMethod.Delete, IntegrationsPath)
        {
            Query = [("integrationId", Id(integrationId)), ("clientRequestId", clientRequestId)],
        };
        return await SendAsyncRequestAsync(call, clientRequestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task UploadSchemaAsync(long integrationId, CrmObjectType type, IReadOnlyList<CrmSchemaField> fields, CancellationToken cancellationToken = default)
    {
        ThrowIfNoSchema(type);
        ArgumentNullException.ThrowIfNull(fields);
        var items = fields.Select(ToWire).ToList();
        var call = new GongCall(HttpMethod.Post, SchemaPath)
        {
            Query = [("integrationId", Id(integrationId)), ("objectType", type.ToWireName())],
            Content = () => JsonContent(items),
        };
        var (response, _) = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            await ThrowIfFailedAsync(response, call).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CrmSchemaField>> GetSchemaAsync(long integrationId, CrmObjectType type, CancellationToken cancellationToken = default)
    {
        ThrowIfNoSchema(type);
        var call = new GongCall(HttpMethod.Get, SchemaPath)
        {
            Query = [("integrationId", Id(integrationId)), ("objectType", type.ToWireName())],
        };
        var (response, _) = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            await ThrowIfFailedAsync(response, call).ConfigureAwait(false);
            var body = await ReadAsync<ListSchemaResponse>(response, call).ConfigureAwait(false);
            var map = body?.ObjectTypeToSelectedFields;
            if (map is null)
            {
                return [];
            }

            var wireName = type.ToWireName();
            var items = map.TryGetValue(wireName, out var exact)
                ? exact
                : map.FirstOrDefault(pair => string.Equals(pair.Key, wireName, StringComparison.OrdinalIgnoreCase)).Value;
            return [.. (items ?? []).Where(item => item is not null).Select(item => FromWire(item!, call, body?.RequestId))];
        }
    }

    /// <inheritdoc/>
    public async Task<UploadReceipt> UploadEntitiesAsync(
        long integrationId,
        CrmObjectType type,
        string clientRequestId,
        string filePath,
        CancellationToken cancellationToken = default)
    {
        ClientRequestIds.ThrowIfInvalid(clientRequestId, nameof(clientRequestId));
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var file = new FileInfo(filePath);
        if (!file.Exists)
        {
            throw new FileNotFoundException("The upload file does not exist.", filePath);
        }

        if (file.Length > _maxUploadBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The upload file has {file.Length} bytes; the limit is {_maxUploadBytes} bytes (GongClientOptions.MaxUploadBytes)."),
                nameof(filePath));
        }

        var fullPath = file.FullName;
        var call = new GongCall(HttpMethod.Post, EntitiesPath)
        {
            Query = [("integrationId", Id(integrationId)), ("objectType", type.ToWireName()), ("clientRequestId", clientRequestId)],

            // A new stream per attempt: the file is read from disk while it is sent, never held in memory.
            Content = () => FileContent(fullPath),
        };
        return await SendAsyncRequestAsync(call, clientRequestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<RequestStatus> GetRequestStatusAsync(long integrationId, string clientRequestId, CancellationToken cancellationToken = default)
    {
        ClientRequestIds.ThrowIfInvalid(clientRequestId, nameof(clientRequestId));
        var call = new GongCall(HttpMethod.Get, RequestStatusPath)
        {
            Query = [("integrationId", Id(integrationId)), ("clientRequestId", clientRequestId)],
        };
        var (response, _) = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            await ThrowIfFailedAsync(response, call).ConfigureAwait(false);
            var body = await ReadAsync<RequestStatusResponse>(response, call).ConfigureAwait(false);
            return new RequestStatus(
                RequestStates.ParseWireName(body?.Status),
                [.. (body?.Errors ?? []).Where(error => error is not null).Select(error => new RequestError(error!.Line, error.Description))],
                body?.TotalErrorCount,
                body?.TotalSuccessCount,
                body?.RequestId);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonElement?>> GetObjectsAsync(
        long integrationId,
        CrmObjectType type,
        IReadOnlyList<string> objectIds,
        CancellationToken cancellationToken = default)
    {
        if (!type.AcceptsSchema())
        {
            throw new ArgumentException($"Gong cannot read back {type.ToWireName()} objects (only ACCOUNT, CONTACT, DEAL, LEAD).", nameof(type));
        }

        ArgumentNullException.ThrowIfNull(objectIds);
        var result = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        var distinct = objectIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var batch in distinct.Chunk(MaxObjectIdsPerCall))
        {
            var call = new GongCall(HttpMethod.Get, EntitiesPath)
            {
                Query = [("integrationId", Id(integrationId)), ("objectType", type.ToWireName())],
                Content = () => JsonContent(batch),
            };
            var (response, _) = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                await ThrowIfFailedAsync(response, call).ConfigureAwait(false);
                var body = await ReadAsync<GetObjectsResponse>(response, call).ConfigureAwait(false);
                foreach (var (objectId, fields) in body?.CrmObjectsMap ?? [])
                {
                    result[objectId] = fields is { ValueKind: JsonValueKind.Null } ? null : fields;
                }
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Http.Dispose();
        _limiter.Dispose();
    }

    private static string Id(long integrationId) => integrationId.ToString(CultureInfo.InvariantCulture);

    private static void ThrowIfNoSchema(CrmObjectType type)
    {
        if (!type.AcceptsSchema())
        {
            throw new ArgumentException($"Gong has no custom-field schema for {type.ToWireName()} (only ACCOUNT, CONTACT, DEAL, LEAD).", nameof(type));
        }
    }

    private static CapturedStringContent JsonContent<T>(T value) =>
        new(JsonSerializer.Serialize(value, GongJson.TypeInfo<T>()), "application/json; charset=utf-8");

    private static MultipartFormDataContent FileContent(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
#pragma warning disable CA2000 // the form owns its parts and disposes them; the caller disposes the form
        var part = new StreamContent(stream, FileBufferSize);
#pragma warning restore CA2000
        part.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var form = new MultipartFormDataContent();
        form.Add(part, "dataFile", Path.GetFileName(path));
        return form;
    }

    private static SchemaFieldItem ToWire(CrmSchemaField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(field.UniqueName, nameof(field));
        return new SchemaFieldItem
        {
            UniqueName = field.UniqueName,
            Label = field.Label,
            Type = field.Type.ToString(),
            LastModified = field.LastModified?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IsDeleted = field.IsDeleted ? true : null,
            ReferenceTo = field.ReferenceTo,
            OrderedValueList = field.OrderedValueList?.ToList(),
        };
    }

    private static CrmSchemaField FromWire(SchemaFieldItem item, GongCall call, string? requestId)
    {
        var uniqueName = item.UniqueName ?? item.Name;
        if (string.IsNullOrEmpty(uniqueName))
        {
            throw new GongApiException(call.Operation, 200, requestId, [], "(a schema field has neither uniqueName nor name)");
        }

        if (!Enum.TryParse<CrmFieldType>(item.Type, ignoreCase: false, out var type) || !Enum.IsDefined(type) ||
            int.TryParse(item.Type, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new GongApiException(call.Operation, 200, requestId, [], $"(schema field '{uniqueName}' has type '{item.Type}', which this client does not know)");
        }

        DateTimeOffset? lastModified = DateTimeOffset.TryParse(item.LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        return new CrmSchemaField(uniqueName, item.Label ?? uniqueName, type, item.ReferenceTo, item.OrderedValueList, item.IsDeleted ?? false, lastModified);
    }


    private static async Task<T?> ReadAsync<T>(IFlurlResponse response, GongCall call)
        where T : class
    {
        var text = await response.GetStringAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, GongJson.TypeInfo<T>());
        }
        catch (JsonException exception)
        {
            throw new GongApiException(call.Operation, response.StatusCode, null, [], "(the response is not the JSON Gong documents)", exception);
        }
    }

    /// <summary>Sends an asynchronous request (upload, delete) and turns its 2xx, or a 409 after an attempt whose
    /// answer was lost, into a receipt.</summary>
    private async Task<UploadReceipt> SendAsyncRequestAsync(GongCall call, string clientRequestId, CancellationToken cancellationToken)
    {
        var (response, attempts) = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (response.StatusCode == 409 && attempts.EarlierAttemptMayHaveSucceeded)
            {
                GongLog.AlreadyAccepted(_logger, clientRequestId);
                return new UploadReceipt(clientRequestId, null, AlreadyAccepted: true);
            }

            await ThrowIfFailedAsync(response, call).ConfigureAwait(false);
            var body = await ReadAsync<AsyncProcessingResponse>(response, call).ConfigureAwait(false);
            return new UploadReceipt(clientRequestId, body?.RequestId, AlreadyAccepted: false);
        }
    }

    private async Task<CrmIntegration?> TryFindExistingIntegrationAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var integrations = await ListIntegrationsAsync(cancellationToken).ConfigureAwait(false);
            return integrations.FirstOrDefault(integration => string.Equals(integration.Name, name, StringComparison.Ordinal))
                ?? integrations.FirstOrDefault();
        }
        catch (GongApiException)
        {
            return null;
        }
    }

    /// <summary>Runs one logical call through the pipeline; returns the final response, whatever its status.</summary>
    private async Task<(IFlurlResponse Response, AttemptLog Attempts)> SendAsync(GongCall call, CancellationToken cancellationToken)
    {
        var attempts = new AttemptLog();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(GongResilience.OperationKey, call.Operation);
        try
        {
            var response = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<IFlurlResponse>(state.Client.AttemptAsync(state.Call, state.Attempts, ctx.CancellationToken)),
                context,
                (Client: this, Call: call, Attempts: attempts)).ConfigureAwait(false);
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
                detail: string.Create(CultureInfo.InvariantCulture, $"without an answer after {attempts.Count} attempt(s) ({exception.GetType().Name})"),
                innerException: exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One HTTP attempt (counted), with a fresh body.</summary>
    private async Task<IFlurlResponse> AttemptAsync(GongCall call, AttemptLog attempts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _callsMade);
        using var content = call.Content?.Invoke();
        var request = Http.Request(call.Path).WithHeader("Authorization", _credentials.AuthorizationHeader);
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

    private async Task ThrowIfFailedAsync(IFlurlResponse response, GongCall call)
    {
        if (response.StatusCode is >= 200 and <= 299)
        {
            return;
        }

        var error = await ReadErrorAsync(response).ConfigureAwait(false);
        GongLog.CallFailed(_logger, call.Operation, response.StatusCode, error.RequestId);
        if (response.StatusCode == 429)
        {
            var retryAfter = RetryAfter.Read(response.ResponseMessage, _timeProvider.GetUtcNow());
            throw new GongRateLimitedException(call.Operation, error.RequestId, error.Errors, retryAfter);
        }

        throw new GongApiException(call.Operation, response.StatusCode, error.RequestId, error.Errors);
    }

    private async Task<(string? RequestId, IReadOnlyList<string> Errors)> ReadErrorAsync(IFlurlResponse response)
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

            return (body?.RequestId, errors);
        }
        catch (JsonException)
        {
            // Not Gong's envelope (a proxy's HTML page, say): the raw body is not quoted, it may echo the request.
            return (null, []);
        }
    }

    /// <summary>Blanks any credential an error text might echo back.</summary>
    private string Scrub(string text)
    {
        foreach (var secret in _credentials.Secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>One logical call: method, path, query and a factory for a fresh body per attempt.</summary>
    private sealed class GongCall(HttpMethod method, string path)
    {
        public HttpMethod Method { get; } = method;

        public string Path { get; } = path;

        public string Operation { get; } = method.Method + " /" + path;

        public IReadOnlyList<(string Name, string Value)> Query { get; init; } = [];

        public Func<HttpContent>? Content { get; init; }
    }

    /// <summary>What the attempts of one logical call ended with (status, or null for no answer).</summary>
    private sealed class AttemptLog
    {
        private readonly List<int?> _outcomes = [];

        public int Count
        {
            get
            {
                lock (_outcomes)
                {
                    return _outcomes.Count;
                }
            }
        }

        /// <summary>Gets a value indicating whether an attempt before the last one may have been applied although
        /// we did not learn it: no answer (timeout, reset), 408 or 5xx.</summary>
        public bool EarlierAttemptMayHaveSucceeded
        {
            get
            {
                lock (_outcomes)
                {
                    return _outcomes.Take(_outcomes.Count - 1).Any(status => status is null or 408 or >= 500);
                }
            }
        }

        public void Record(int? status)
        {
            lock (_outcomes)
            {
                _outcomes.Add(status);
            }
        }
    }
}
