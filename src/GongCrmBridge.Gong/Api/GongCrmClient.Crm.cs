using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Transport;
using GongCrmBridge.Gong.Wire;

namespace GongCrmBridge.Gong;

/// <summary>The Generic CRM area: the eight operations the pipeline is built on (CRM-API.md §2).</summary>
public sealed partial class GongCrmClient
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<CrmIntegration>> ListIntegrationsAsync(CancellationToken cancellationToken = default)
    {
        var request = new GongRequest(GongOperations.ListCrmIntegrations);
        var body = await _transport.SendAsync(request, GongJson.TypeInfo<ListIntegrationsResponse>(), cancellationToken).ConfigureAwait(false);
        return [.. (body?.Integrations ?? [])
            .Where(item => item?.IntegrationId is not null)
            .Select(item => new CrmIntegration(item!.IntegrationId!.Value, item.Name ?? string.Empty, item.OwnerEmail))];
    }

    /// <inheritdoc/>
    public async Task<CrmIntegration> RegisterIntegrationAsync(string name, string ownerEmail, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerEmail);
        var call = new GongCall(new GongRequest(GongOperations.RegisterCrmIntegration)
            .WithBody(Json(new RegisterIntegrationRequest(name, ownerEmail))));
        var (response, attempts) = await _transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (response.StatusCode == 409)
            {
                var error = await _transport.ReadErrorAsync(response).ConfigureAwait(false);
                var existing = await TryFindExistingIntegrationAsync(name, cancellationToken).ConfigureAwait(false);
                if (existing is not null && attempts.EarlierAttemptMayHaveSucceeded &&
                    string.Equals(existing.Name, name, StringComparison.Ordinal) &&
                    string.Equals(existing.OwnerEmail, ownerEmail, StringComparison.OrdinalIgnoreCase))
                {
                    // Our own earlier attempt created it; its answer was lost.
                    return existing;
                }

                GongLog.IntegrationExists(_transport.Logger, existing?.IntegrationId);
                throw new IntegrationExistsException(call.Operation, error.RequestId, error.Errors, existing);
            }

            await _transport.ThrowIfFailedAsync(response, call).ConfigureAwait(false);
            var body = await GongTransport.ReadAsync(response, call, GongJson.TypeInfo<RegisterIntegrationResponse>()).ConfigureAwait(false);
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
        var request = new GongRequest(GongOperations.DeleteCrmIntegration)
            .WithQuery("integrationId", Id(integrationId))
            .WithQuery("clientRequestId", clientRequestId);
        return await SendAsyncRequestAsync(request, clientRequestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task UploadSchemaAsync(long integrationId, CrmObjectType type, IReadOnlyList<CrmSchemaField> fields, CancellationToken cancellationToken = default)
    {
        ThrowIfNoSchema(type);
        ArgumentNullException.ThrowIfNull(fields);
        var items = fields.Select(CrmSchemaWire.ToWire).ToList();
        var request = new GongRequest(GongOperations.UploadCrmSchema)
            .WithQuery("integrationId", Id(integrationId))
            .WithQuery("objectType", type.ToWireName())
            .WithBody(Json(items));
        await _transport.SendAsync(request, GongJson.TypeInfo<JsonElement>(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CrmSchemaField>> GetSchemaAsync(long integrationId, CrmObjectType type, CancellationToken cancellationToken = default)
    {
        ThrowIfNoSchema(type);
        var request = new GongRequest(GongOperations.ListCrmSchema)
            .WithQuery("integrationId", Id(integrationId))
            .WithQuery("objectType", type.ToWireName());
        var body = await _transport.SendAsync(request, GongJson.TypeInfo<ListSchemaResponse>(), cancellationToken).ConfigureAwait(false);
        var map = body?.ObjectTypeToSelectedFields;
        if (map is null)
        {
            return [];
        }

        var wireName = type.ToWireName();
        var items = map.TryGetValue(wireName, out var exact)
            ? exact
            : map.FirstOrDefault(pair => string.Equals(pair.Key, wireName, StringComparison.OrdinalIgnoreCase)).Value;
        return [.. (items ?? []).Where(item => item is not null).Select(item => CrmSchemaWire.FromWire(item!, request.Operation.Name, body?.RequestId))];
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

        var maxBytes = _transport.Options.MaxUploadBytes;
        if (file.Length > maxBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The upload file has {file.Length} bytes; the limit is {maxBytes} bytes (GongClientOptions.MaxUploadBytes)."),
                nameof(filePath));
        }

        // The file is opened anew for every attempt and streamed from disk while it is sent, never held in memory.
        var request = new GongRequest(GongOperations.UploadCrmData)
            .WithQuery("integrationId", Id(integrationId))
            .WithQuery("objectType", type.ToWireName())
            .WithQuery("clientRequestId", clientRequestId)
            .WithFile(file.FullName, "application/x-ndjson");
        return await SendAsyncRequestAsync(request, clientRequestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<RequestStatus> GetRequestStatusAsync(long integrationId, string clientRequestId, CancellationToken cancellationToken = default)
    {
        ClientRequestIds.ThrowIfInvalid(clientRequestId, nameof(clientRequestId));
        var request = new GongRequest(GongOperations.GetCrmRequestStatus)
            .WithQuery("integrationId", Id(integrationId))
            .WithQuery("clientRequestId", clientRequestId);
        var body = await _transport.SendAsync(request, GongJson.TypeInfo<RequestStatusResponse>(), cancellationToken).ConfigureAwait(false);
        return new RequestStatus(
            RequestStates.ParseWireName(body?.Status),
            [.. (body?.Errors ?? []).Where(error => error is not null).Select(error => new RequestError(error!.Line, GongText.Clean(error.Description)))],
            body?.TotalErrorCount,
            body?.TotalSuccessCount,
            body?.RequestId);
    }

    /// <inheritdoc/>
    /// <remarks>Gong's document declares the ids as a query array <c>objectsCrmIds</c>; Gong reads them from a JSON
    /// array in the body of the GET (its own description), which is what is sent.</remarks>
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
            var request = new GongRequest(GongOperations.GetCrmObjects)
                .WithQuery("integrationId", Id(integrationId))
                .WithQuery("objectType", type.ToWireName())
                .WithBody(Json(batch));
            var body = await _transport.SendAsync(request, GongJson.TypeInfo<GetObjectsResponse>(), cancellationToken).ConfigureAwait(false);
            foreach (var (objectId, fields) in body?.CrmObjectsMap ?? [])
            {
                result[objectId] = fields is { ValueKind: JsonValueKind.Null } ? null : fields;
            }
        }

        return result;
    }

    private static string Id(long integrationId) => integrationId.ToString(CultureInfo.InvariantCulture);

    private static JsonNode Json<T>(T value) => JsonSerializer.SerializeToNode(value, GongJson.TypeInfo<T>())!;

    private static void ThrowIfNoSchema(CrmObjectType type)
    {
        if (!type.AcceptsSchema())
        {
            throw new ArgumentException($"Gong has no custom-field schema for {type.ToWireName()} (only ACCOUNT, CONTACT, DEAL, LEAD).", nameof(type));
        }
    }

    /// <summary>Sends an asynchronous request (upload, delete) and turns its 2xx, or a 409 after an attempt whose
    /// answer was lost, into a receipt.</summary>
    private async Task<UploadReceipt> SendAsyncRequestAsync(GongRequest request, string clientRequestId, CancellationToken cancellationToken)
    {
        var call = new GongCall(request);
        var (response, attempts) = await _transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (response.StatusCode == 409 && attempts.EarlierAttemptMayHaveSucceeded)
            {
                GongLog.AlreadyAccepted(_transport.Logger, clientRequestId);
                return new UploadReceipt(clientRequestId, null, AlreadyAccepted: true);
            }

            await _transport.ThrowIfFailedAsync(response, call).ConfigureAwait(false);
            var body = await GongTransport.ReadAsync(response, call, GongJson.TypeInfo<AsyncProcessingResponse>()).ConfigureAwait(false);
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
}
