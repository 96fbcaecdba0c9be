using System.Globalization;
using System.Text.Json;
using GongCrmBridge.Sandbox.Store;
using GongCrmBridge.Sandbox.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>The eight CRM endpoints with Gong's documented behaviour (CRM-API.md §2).</summary>
internal sealed class CrmEndpoints : IEndpoints
{
    /// <summary>GET /v2/crm/entities answers at most this many ids; extra ids are ignored.</summary>
    public const int MaxObjectIdsPerGet = 100;

    private readonly SandboxOptions _options;
    private readonly SandboxStore _store;

    public CrmEndpoints(SandboxOptions options, SandboxStore store)
    {
        _options = options;
        _store = store;
    }

    public IEnumerable<(SandboxRoute Route, Endpoint Handle)> Routes =>
        new[]
        {
            SandboxRoute.RegisterIntegration, SandboxRoute.ListIntegrations, SandboxRoute.DeleteIntegration, SandboxRoute.UploadSchema,
            SandboxRoute.GetSchema, SandboxRoute.UploadEntities, SandboxRoute.RequestStatus, SandboxRoute.GetEntities,
        }.Select(route => (route, (Endpoint)((request, ct) => HandleAsync(route, request.Context, request.RequestId, ct))));

    public Task<ApiResult> HandleAsync(SandboxRoute route, HttpContext context, string requestId, CancellationToken ct) => route switch
    {
        SandboxRoute.RegisterIntegration => RegisterAsync(context, requestId, ct),
        SandboxRoute.ListIntegrations => Task.FromResult(List(requestId)),
        SandboxRoute.DeleteIntegration => Task.FromResult(Delete(context, requestId)),
        SandboxRoute.UploadSchema => UploadSchemaAsync(context, requestId, ct),
        SandboxRoute.GetSchema => Task.FromResult(GetSchema(context, requestId)),
        SandboxRoute.UploadEntities => UploadEntitiesAsync(context, requestId, ct),
        SandboxRoute.RequestStatus => Task.FromResult(RequestStatus(context, requestId)),
        SandboxRoute.GetEntities => GetEntitiesAsync(context, requestId, ct),
        _ => Task.FromResult(ApiResult.Error(404, requestId, "Not found")),
    };

    private static async Task<(JsonDocument? Document, ApiResult? Error)> ReadJsonAsync(HttpContext context, string requestId, CancellationToken ct)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, default, ct).ConfigureAwait(false);
            return (document, null);
        }
        catch (JsonException)
        {
            return (null, ApiResult.BadRequest(requestId, "The request body is missing or not valid JSON"));
        }
    }

    private static string? Query(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    private static string? TextOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryParseIntegrationId(HttpContext context, string requestId, out long id, out ApiResult? error)
    {
        var text = Query(context, "integrationId");
        if (string.IsNullOrEmpty(text))
        {
            id = 0;
            error = ApiResult.BadRequest(requestId, "integrationId is missing");
            return false;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            error = ApiResult.BadRequest(requestId, "integrationId is not valid");
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryClientRequestId(HttpContext context, string requestId, out string clientRequestId, out ApiResult? error)
    {
        clientRequestId = Query(context, "clientRequestId") ?? string.Empty;
        if (clientRequestId.Length == 0)
        {
            error = ApiResult.BadRequest(requestId, "clientRequestId is missing");
            return false;
        }

        if (!WireFormats.IsClientRequestId(clientRequestId))
        {
            error = ApiResult.BadRequest(requestId, "clientRequestId may contain only letters, digits, '-' and '_'");
            return false;
        }

        error = null;
        return true;
    }

    private static SchemaFieldWire ToWire(SchemaField field) =>
        new(field.UniqueName, field.Label, field.Type, field.LastModified, false, field.ReferenceTo, field.OrderedValueList);

    private static string WireStatus(SandboxRequestStatus status) => status switch
    {
        SandboxRequestStatus.Pending => "PENDING",
        SandboxRequestStatus.InProgress => "IN_PROGRESS",
        SandboxRequestStatus.Done => "DONE",
        _ => "FAILED",
    };

    private bool TryActiveIntegration(HttpContext context, string requestId, out long id, out ApiResult? error)
    {
        if (!TryParseIntegrationId(context, requestId, out id, out error))
        {
            return false;
        }

        if (!_store.IsActive(id))
        {
            error = ApiResult.BadRequest(requestId, "integrationId is not valid");
            return false;
        }

        return true;
    }

    private async Task<ApiResult> RegisterAsync(HttpContext context, string requestId, CancellationToken ct)
    {
        var (document, error) = await ReadJsonAsync(context, requestId, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ApiResult.BadRequest(requestId, "The request body must be a JSON object with name and ownerEmail");
            }

            var name = TextOf(root, "name");
            var ownerEmail = TextOf(root, "ownerEmail");
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add("name is mandatory");
            }

            if (!WireFormats.IsEmail(ownerEmail))
            {
                problems.Add("ownerEmail is mandatory and must be an email address");
            }

            if (problems.Count > 0)
            {
                return ApiResult.BadRequest(requestId, [.. problems]);
            }

            return _store.Register(name!, ownerEmail!) is { } id
                ? new ApiResult(200, new RegisterResponse(requestId, id))
                : ApiResult.Error(409, requestId, "An active integration already exists");
        }
    }

    private ApiResult List(string requestId)
    {
        var integration = _store.Integration;
        IReadOnlyList<IntegrationWire> items = integration is null
            ? []
            : [new IntegrationWire(integration.IntegrationId, integration.Name, integration.OwnerEmail)];
        return new ApiResult(200, new ListIntegrationsResponse(requestId, items));
    }

    private ApiResult Delete(HttpContext context, string requestId)
    {
        if (!TryActiveIntegration(context, requestId, out var integrationId, out var error)
            || !TryClientRequestId(context, requestId, out var clientRequestId, out error))
        {
            return error!;
        }

        if (!_store.TryReserve(clientRequestId))
        {
            return ApiResult.Error(409, requestId, "clientRequestId has already been used");
        }

        return _store.AcceptDelete(integrationId, clientRequestId)
            ? new ApiResult(201, new AsyncProcessingResponse(requestId, clientRequestId))
            : ApiResult.BadRequest(requestId, "integrationId is not valid");
    }

    private async Task<ApiResult> UploadSchemaAsync(HttpContext context, string requestId, CancellationToken ct)
    {
        if (!TryActiveIntegration(context, requestId, out _, out var error))
        {
            return error!;
        }

        var objectType = Query(context, "objectType");
        if (!WireFormats.IsSchemaObjectType(objectType))
        {
            return ApiResult.BadRequest(requestId, "objectType must be one of ACCOUNT, CONTACT, DEAL, LEAD (BUSINESS_USER and STAGE do not accept a schema)");
        }

        var (document, jsonError) = await ReadJsonAsync(context, requestId, ct).ConfigureAwait(false);
        if (jsonError is not null)
        {
            return jsonError;
        }

        using (document)
        {
            var problems = SchemaParser.Parse(document!.RootElement, out var fields);
            if (problems.Count > 0)
            {
                return ApiResult.BadRequest(requestId, [.. problems]);
            }

            return _store.ReplaceSchema(objectType!, fields) is { } conflict
                ? ApiResult.BadRequest(requestId, conflict)
                : new ApiResult(201, new BaseResponse(requestId));
        }
    }

    private ApiResult GetSchema(HttpContext context, string requestId)
    {
        if (!TryActiveIntegration(context, requestId, out _, out var error))
        {
            return error!;
        }

        var objectType = Query(context, "objectType");
        if (objectType is not null && !WireFormats.IsSchemaObjectType(objectType))
        {
            return ApiResult.BadRequest(requestId, "objectType must be one of ACCOUNT, CONTACT, DEAL, LEAD");
        }

        var types = objectType is null ? WireFormats.SchemaObjectTypes : [objectType];
        var map = new Dictionary<string, IReadOnlyList<SchemaFieldWire>>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            map[type] = [.. _store.Schema(type).Select(ToWire)];
        }

        return new ApiResult(200, new ListSchemaResponse(requestId, map));
    }

    private async Task<ApiResult> UploadEntitiesAsync(HttpContext context, string requestId, CancellationToken ct)
    {
        if (!TryActiveIntegration(context, requestId, out var integrationId, out var error))
        {
            return error!;
        }

        var objectType = Query(context, "objectType");
        if (!WireFormats.IsUploadObjectType(objectType))
        {
            return ApiResult.BadRequest(requestId, "objectType must be one of " + string.Join(", ", WireFormats.UploadObjectTypes));
        }

        if (!TryClientRequestId(context, requestId, out var clientRequestId, out error))
        {
            return error!;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Length == 0)
        {
            return ApiResult.BadRequest(requestId, "The request must be multipart/form-data with a part named dataFile");
        }

        if (!_store.TryReserve(clientRequestId))
        {
            return ApiResult.Error(409, requestId, "clientRequestId has already been used");
        }

        var accepted = false;
        try
        {
            var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
            var reader = new MultipartReader(boundary, context.Request.Body);
            var schema = _store.ActiveSchema(objectType!);
            ParsedFile? file = null;
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false)) is not null)
            {
                if (file is null
                    && ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("dataFile", StringComparison.Ordinal))
                {
                    file = await new UploadFileParser(_options).ParseAsync(section.Body, objectType!, schema, ct).ConfigureAwait(false);
                    if (file.TooLarge)
                    {
                        return ApiResult.BadRequest(requestId, $"dataFile exceeds the maximum size of {_options.MaxUploadBytes} bytes");
                    }
                }
            }

            if (file is null)
            {
                return ApiResult.BadRequest(requestId, "The multipart part dataFile is missing");
            }

            _store.AcceptUpload(integrationId, objectType!, clientRequestId, file.Lines, file.FileError);
            accepted = true;
            return new ApiResult(201, new AsyncProcessingResponse(requestId, clientRequestId));
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            return ApiResult.BadRequest(requestId, "The multipart body is malformed");
        }
        catch (InvalidDataException)
        {
            return ApiResult.BadRequest(requestId, "The multipart body is malformed");
        }
        finally
        {
            if (!accepted)
            {
                _store.Release(clientRequestId);
            }
        }
    }

    private ApiResult RequestStatus(HttpContext context, string requestId)
    {
        if (!TryParseIntegrationId(context, requestId, out var integrationId, out var error))
        {
            return error!;
        }

        var clientRequestId = Query(context, "clientRequestId");
        if (string.IsNullOrEmpty(clientRequestId))
        {
            return ApiResult.BadRequest(requestId, "clientRequestId is missing");
        }

        var snapshot = _store.Poll(integrationId, clientRequestId, out var problem);
        if (snapshot is null)
        {
            return ApiResult.BadRequest(requestId, problem!);
        }

        var complete = snapshot.Status is SandboxRequestStatus.Done or SandboxRequestStatus.Failed;
        var withCounters = complete && snapshot.IsUpload;
        return new ApiResult(200, new RequestStatusResponse(
            requestId,
            WireStatus(snapshot.Status),
            complete ? [.. snapshot.Errors.Select(e => new RecordErrorWire(e.Line, e.Description))] : null,
            withCounters ? snapshot.ErrorCount : null,
            withCounters ? snapshot.SuccessCount : null));
    }

    private async Task<ApiResult> GetEntitiesAsync(HttpContext context, string requestId, CancellationToken ct)
    {
        if (!TryActiveIntegration(context, requestId, out _, out var error))
        {
            return error!;
        }

        var objectType = Query(context, "objectType");
        if (!WireFormats.IsSchemaObjectType(objectType))
        {
            return ApiResult.BadRequest(requestId, "objectType must be one of ACCOUNT, CONTACT, DEAL, LEAD");
        }

        var (document, jsonError) = await ReadJsonAsync(context, requestId, ct).ConfigureAwait(false);
        if (jsonError is not null)
        {
            return jsonError;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                return ApiResult.BadRequest(requestId, "The request body must be a JSON array of objectIds");
            }

            var ids = root.EnumerateArray().Select(e => e.GetString()!).Take(MaxObjectIdsPerGet).ToList();
            return new ApiResult(200, new GetObjectsResponse(requestId, _store.GetObjects(objectType!, ids)));
        }
    }
}
