using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Schema;

/// <summary>Brings Gong's custom-field schema in line with the job, pushing only the object types that changed.</summary>
public sealed class SchemaSynchronizer(IGongCrmClient client, TimeProvider time, ILogger logger)
{
    /// <summary>Compares and, where needed, pushes the schema of every object type of the job that accepts one.</summary>
    /// <returns>Every change, pushed or kept.</returns>
    public async Task<IReadOnlyList<SchemaChange>> SynchronizeAsync(
        long integrationId,
        JobDefinition job,
        bool allowFieldRemoval,
        CancellationToken cancellationToken)
    {
        var changes = new List<SchemaChange>();
        foreach (var group in job.Objects.Where(o => o.Type.AcceptsSchema()).GroupBy(o => o.Type))
        {
            var wanted = group.SelectMany(o => o.Mapping.CustomFields).DistinctBy(f => f.UniqueName).ToList();
            var current = await client.GetSchemaAsync(integrationId, group.Key, cancellationToken).ConfigureAwait(false);
            var diff = SchemaDiff.Compare(group.Key, wanted, current, allowFieldRemoval, time.GetUtcNow());
            changes.AddRange(diff.Changes);
            foreach (var change in diff.Changes)
            {
                logger.LogInformation("Schema {Change}", change.ToString());
            }

            if (diff.NeedsPush)
            {
                await client.UploadSchemaAsync(integrationId, group.Key, diff.FieldsToSend, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Pushed the {ObjectType} schema ({Fields} fields)", group.Key.ToWireName(), diff.FieldsToSend.Count);
            }
            else
            {
                logger.LogInformation("The {ObjectType} schema is unchanged; not pushed", group.Key.ToWireName());
            }
        }

        return changes;
    }
}
