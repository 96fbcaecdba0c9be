using System.Text.Json;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Gong;

/// <summary>Gong's eight Generic CRM endpoints (CRM-API.md §2), rate limited and retried.</summary>
/// <remarks>
/// Every method fails with <see cref="GongApiException"/> when Gong answers with an error (or never answers after
/// all retries), <see cref="GongRateLimitedException"/> for a 429 that is not retried, and
/// <see cref="OperationCanceledException"/> when <c>cancellationToken</c> fires.
/// </remarks>
public interface IGongCrmClient
{
    /// <summary>Gets the number of HTTP requests sent so far (every attempt, retries included). Gong allows 10,000 a day per company.</summary>
    long CallsMade { get; }

    /// <summary>Gets Gong's users area: a CRM load checks its business users' e-mails against Gong's users.</summary>
    Api.UsersApi Users { get; }

    /// <summary><c>GET /v2/crm/integrations</c>: the company's generic CRM integrations (in practice zero or one).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The integrations Gong lists.</returns>
    Task<IReadOnlyList<CrmIntegration>> ListIntegrationsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v2/crm/integrations</c>: registers the company's generic CRM integration.</summary>
    /// <param name="name">The display name.</param>
    /// <param name="ownerEmail">The email of the person responsible.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new integration. If an attempt whose answer was lost had created it, the listed integration with
    /// the same name and owner is returned.</returns>
    /// <exception cref="IntegrationExistsException">An integration already exists (409); it carries that integration when Gong lists it.</exception>
    Task<CrmIntegration> RegisterIntegrationAsync(string name, string ownerEmail, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v2/crm/integrations</c>: starts deleting the integration and every object uploaded through it.</summary>
    /// <param name="integrationId">The integration to delete.</param>
    /// <param name="clientRequestId">Our id of this asynchronous request (letters, digits, '-', '_'); poll it with
    /// <see cref="GetRequestStatusAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The receipt of the accepted request.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientRequestId"/> has characters Gong refuses.</exception>
    Task<UploadReceipt> DeleteIntegrationAsync(long integrationId, string clientRequestId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/crm/entity-schema</c>: replaces the custom-field schema of an object type.</summary>
    /// <param name="integrationId">The integration.</param>
    /// <param name="type">ACCOUNT, CONTACT, DEAL or LEAD (the only types with a schema).</param>
    /// <param name="fields">The complete field list: every field sent before, plus new ones (deleted ones with IsDeleted).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Gong has accepted the schema.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> does not accept a schema.</exception>
    Task UploadSchemaAsync(long integrationId, CrmObjectType type, IReadOnlyList<CrmSchemaField> fields, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/crm/entity-schema</c>: the custom fields declared for an object type.</summary>
    /// <param name="integrationId">The integration.</param>
    /// <param name="type">ACCOUNT, CONTACT, DEAL or LEAD.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The declared fields (read from <c>uniqueName</c> or its alias <c>name</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> does not accept a schema.</exception>
    Task<IReadOnlyList<CrmSchemaField>> GetSchemaAsync(long integrationId, CrmObjectType type, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/crm/entities</c>: uploads an LDJSON file of one object type, streamed from disk.</summary>
    /// <param name="integrationId">The integration.</param>
    /// <param name="type">The object type of every line of the file.</param>
    /// <param name="clientRequestId">Our unique id of this upload (letters, digits, '-', '_'); poll it with
    /// <see cref="GetRequestStatusAsync"/>. Reusing an id gets 409.</param>
    /// <param name="filePath">The LDJSON file (UTF-8, one JSON object per line), at most
    /// <see cref="GongClientOptions.MaxUploadBytes"/> bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The receipt; <see cref="UploadReceipt.AlreadyAccepted"/> when an earlier attempt whose answer was lost
    /// had been accepted.</returns>
    /// <exception cref="ArgumentException">The clientRequestId has characters Gong refuses, or the file is too large.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    Task<UploadReceipt> UploadEntitiesAsync(long integrationId, CrmObjectType type, string clientRequestId, string filePath, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/crm/request-status</c>: the processing state of an upload or delete request.</summary>
    /// <param name="integrationId">The integration.</param>
    /// <param name="clientRequestId">The id sent with the request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, every field nullable.</returns>
    Task<RequestStatus> GetRequestStatusAsync(long integrationId, string clientRequestId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/crm/entities</c>: reads stored objects back (Gong means it for development checks).</summary>
    /// <param name="integrationId">The integration.</param>
    /// <param name="type">ACCOUNT, CONTACT, DEAL or LEAD.</param>
    /// <param name="objectIds">The objectIds to read; sent 100 per call (Gong's maximum), duplicates once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Every objectId Gong answered for, mapped to its fields, or to <see langword="null"/> when Gong does not have it.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is BUSINESS_USER or STAGE.</exception>
    Task<IReadOnlyDictionary<string, JsonElement?>> GetObjectsAsync(long integrationId, CrmObjectType type, IReadOnlyList<string> objectIds, CancellationToken cancellationToken = default);
}
