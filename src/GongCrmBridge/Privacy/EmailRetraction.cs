using System.Globalization;
using System.Text.Json;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.ReadBack;
using GongCrmBridge.State;
using GongCrmBridge.Status;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Privacy;

/// <summary>The CRM records of one type that held the address, and what Gong did with their deletes.</summary>
/// <param name="ObjectType">CONTACT or LEAD.</param>
/// <param name="ObjectIds">The records sent as deleted.</param>
/// <param name="ClientRequestId">The upload's id.</param>
/// <param name="Status">Gong's final status of the upload.</param>
public sealed record RetractedRecords(string ObjectType, IReadOnlyList<string> ObjectIds, string ClientRequestId, string Status);

/// <summary>The first half of <c>privacy purge-email --job</c>: before Gong erases an e-mail address, the CONTACTs and
/// LEADs of the job that hold it are uploaded with <c>isDeleted: true</c>, so that Gong's CRM data no longer holds the
/// person and Gong does not link the address again from it.</summary>
/// <remarks>Gong's erase removes the address from calls, e-mails and CRM data, but the CRM integration would bring the
/// contact back on its next upload. Deleting the records through the integration first closes that door for the
/// records Gong has; the export itself must drop the person too, or the next sync sends them again (README).</remarks>
public sealed class EmailRetraction(IGongCrmClient client, PollingOptions polling, TimeProvider clock, ILogger? logger = null)
{
    private static readonly CrmObjectType[] TypesWithEmail = [CrmObjectType.Contact, CrmObjectType.Lead];
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Finds the job's CONTACTs and LEADs whose <c>emailAddress</c> is <paramref name="emailAddress"/> (any case)
    /// and uploads them as deleted, waiting for Gong to process each upload.</summary>
    /// <returns>One entry per type that held the address; empty when none did.</returns>
    /// <exception cref="SyncFailedException">Gong did not accept a delete: the erase must not go ahead.</exception>
    public async Task<IReadOnlyList<RetractedRecords>> RetractAsync(
        JobDefinition job,
        long integrationId,
        string emailAddress,
        string workDirectory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(emailAddress);
        using var mapped = await MappedJob.BuildAsync(job, workDirectory, _logger, cancellationToken).ConfigureAwait(false);
        var poller = new RequestStatusPoller(client, polling, clock, _logger);
        var retracted = new List<RetractedRecords>();
        foreach (var type in TypesWithEmail)
        {
            var ids = mapped.RecordsOf(type)
                .Where(r => HoldsAddress(r.Json, emailAddress))
                .Select(r => r.ObjectId)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            retracted.Add(await DeleteAsync(integrationId, type, ids, workDirectory, poller, cancellationToken).ConfigureAwait(false));
        }

        return retracted;
    }

    private async Task<RetractedRecords> DeleteAsync(
        long integrationId,
        CrmObjectType type,
        List<string> ids,
        string workDirectory,
        RequestStatusPoller poller,
        CancellationToken cancellationToken)
    {
        var content = DeleteLines(ids, clock.GetUtcNow());
        var path = Path.Combine(workDirectory, $"purge-{type.ToWireName()}.ldjson");
        await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
        var clientRequestId = $"PURGE-{type.ToWireName()}-{FileDigest.Of(content)}";
        await client.UploadEntitiesAsync(integrationId, type, clientRequestId, path, cancellationToken).ConfigureAwait(false);
        var status = await poller.WaitAsync(integrationId, clientRequestId, cancellationToken).ConfigureAwait(false);
        if (status.Status != RequestState.Done || status.Errors.Count > 0)
        {
            throw new SyncFailedException(string.Create(
                CultureInfo.InvariantCulture,
                $"Gong did not delete the {type.ToWireName()} records holding the address ({clientRequestId}: {status.Status}, {status.Errors.Count} error(s)); the address was not erased."));
        }

        return new RetractedRecords(type.ToWireName(), ids, clientRequestId, "DONE");
    }

    private static bool HoldsAddress(JsonElement record, string emailAddress) =>
        record.TryGetProperty("emailAddress", out var value) && value.ValueKind == JsonValueKind.String &&
        string.Equals(value.GetString()!.Trim(), emailAddress.Trim(), StringComparison.OrdinalIgnoreCase);

    private static byte[] DeleteLines(List<string> objectIds, DateTimeOffset now)
    {
        var modified = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var stream = new MemoryStream();
        foreach (var objectId in objectIds)
        {
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("objectId", objectId);
                writer.WriteString("modifiedDate", modified);
                writer.WriteBoolean("isDeleted", true);
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }
}
