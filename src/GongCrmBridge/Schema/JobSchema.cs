using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.ReadBack;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Schema;

/// <summary>The custom fields a job declares, complete for a push outside a sync (<c>schema push --job</c>).</summary>
public static class JobSchema
{
    /// <summary>Returns the job's custom fields per object type. A PICKLIST with <c>values: auto</c> declares the
    /// distinct values of its export, so when the job has one its exports are mapped first, as a dry run maps them (a
    /// sync has them from its own build); pushing an empty list instead would empty the picklist in Gong.</summary>
    /// <param name="job">The job.</param>
    /// <param name="workDirectory">A folder of its own for the mapped files, deleted afterwards.</param>
    /// <param name="logger">Where the mapping logs.</param>
    /// <param name="cancellationToken">Stops the mapping.</param>
    public static async Task<IReadOnlyDictionary<CrmObjectType, IReadOnlyList<CrmSchemaField>>> ReadAsync(
        JobDefinition job, string workDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Objects.Any(o => o.Mapping.DeclaresValuesFromTheExport))
        {
            using var mapped = await MappedJob.BuildAsync(job, workDirectory, logger, cancellationToken).ConfigureAwait(false);
        }

        return job.CustomFieldsByType();
    }
}
