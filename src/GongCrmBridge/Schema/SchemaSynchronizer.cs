using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Schema;

/// <summary>Brings Gong's custom-field schema in line with the job, pushing only the object types that changed.</summary>
public sealed class SchemaSynchronizer(IGongCrmClient client, TimeProvider time, ILogger logger)
{
    /// <summary>Compares and, where needed, pushes the schema of every object type in <paramref name="customFields"/>.</summary>
    /// <param name="integrationId">The integration whose schema it is.</param>
    /// <param name="customFields">The custom fields declared per object type (see
    /// <see cref="Jobs.JobDefinition.CustomFieldsByType"/>). A type listed with no field still has its schema compared, so
    /// that fields Gong has are kept or, with <paramref name="allowFieldRemoval"/>, removed.</param>
    /// <param name="allowFieldRemoval">Whether fields Gong has but the job no longer declares are deleted.</param>
    /// <param name="cancellationToken">Stops the calls.</param>
    /// <returns>Every change, pushed or kept, in dependency order of the object types.</returns>
    /// <exception cref="ArgumentException">An object type takes no schema in Gong.</exception>
    public async Task<IReadOnlyList<SchemaChange>> SynchronizeAsync(
        long integrationId,
        IReadOnlyDictionary<CrmObjectType, IReadOnlyList<CrmSchemaField>> customFields,
        bool allowFieldRemoval,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customFields);
        foreach (var type in customFields.Keys.Where(type => !type.AcceptsSchema()))
        {
            throw new ArgumentException($"{type.ToWireName()} takes no custom-field schema in Gong.", nameof(customFields));
        }

        var changes = new List<SchemaChange>();
        foreach (var (type, wanted) in customFields.OrderBy(entry => entry.Key))
        {
            var current = await client.GetSchemaAsync(integrationId, type, cancellationToken).ConfigureAwait(false);
            var diff = SchemaDiff.Compare(type, wanted, current, allowFieldRemoval, time.GetUtcNow());
            changes.AddRange(diff.Changes);
            foreach (var change in diff.Changes)
            {
                PipelineLog.SchemaChange(logger, change.ToString());
            }

            if (diff.NeedsPush)
            {
                await client.UploadSchemaAsync(integrationId, type, diff.FieldsToSend, cancellationToken).ConfigureAwait(false);
                PipelineLog.SchemaPushed(logger, type.ToWireName(), diff.FieldsToSend.Count);
            }
            else
            {
                PipelineLog.SchemaUnchanged(logger, type.ToWireName());
            }
        }

        return changes;
    }
}
