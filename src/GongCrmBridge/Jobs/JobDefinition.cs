using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Jobs;

/// <summary>How a sync treats objects that disappeared from the export.</summary>
public enum SyncMode
{
    /// <summary>Insert and update only.</summary>
    Upsert,

    /// <summary>Also delete objects gone from the export (needs the state store).</summary>
    Mirror,
}

/// <summary>The integration to register or reuse in Gong.</summary>
/// <param name="Name">The integration's display name; an existing integration is reused only when its name matches.</param>
/// <param name="OwnerEmail">Email of the person responsible for it.</param>
public sealed record IntegrationSettings(string Name, string OwnerEmail);

/// <summary>The job file's <c>options</c> node.</summary>
public sealed record JobOptions
{
    /// <summary>Gets the largest LDJSON file in MB (1,000,000 bytes), multipart overhead included. The default value is 200.</summary>
    public int MaxFileMegabytes { get; init; } = 200;

    /// <summary>Gets the client-side throttle shared by every call of the run. The default value is 3.</summary>
    public double RequestsPerSecond { get; init; } = 3;

    /// <summary>Gets the sync mode. The default value is <see cref="SyncMode.Upsert"/>.</summary>
    public SyncMode Mode { get; init; } = SyncMode.Upsert;

    /// <summary>Gets the company's Gong API calls per UTC day that the tool may plan against. The default value is
    /// 10,000, Gong's default.</summary>
    public long DailyCallBudget { get; init; } = 10_000;

    /// <summary>Gets, in mirror mode, the largest share of a type's tracked objects one run may delete, in percent.
    /// The default value is 10.</summary>
    public double MaxDeletePercent { get; init; } = 10;
}

/// <summary>One export of the job, its object type and its compiled mapping.</summary>
/// <param name="Type">The object type the export holds.</param>
/// <param name="Source">Where and how to read the export (absolute path).</param>
/// <param name="MappingPath">Absolute path of the mapping file.</param>
/// <param name="Mapping">The mapping, compiled once.</param>
public sealed record JobObject(CrmObjectType Type, SourceSpec Source, string MappingPath, CompiledMapping Mapping);

/// <summary>A loaded, checked job file.</summary>
/// <param name="Path">Absolute path of the job file.</param>
/// <param name="Integration">The integration to use.</param>
/// <param name="BaseUrl">Gong's base URL from the job file, if any (the CLI may override it).</param>
/// <param name="Objects">The exports, in dependency order (BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD).</param>
/// <param name="Options">The job options.</param>
public sealed record JobDefinition(
    string Path,
    IntegrationSettings Integration,
    Uri? BaseUrl,
    IReadOnlyList<JobObject> Objects,
    JobOptions Options)
{
    /// <summary>Returns the custom fields the job's mappings declare, per object type that takes a schema in Gong.</summary>
    /// <returns>Every such type of the job, even one whose mappings declare no custom field (its schema in Gong must
    /// still be compared: fields there are kept or removed); a field two mappings of one type declare counts once,
    /// as the first declares it.</returns>
    public IReadOnlyDictionary<CrmObjectType, IReadOnlyList<CrmSchemaField>> CustomFieldsByType() =>
        Objects
            .Where(o => o.Type.AcceptsSchema())
            .GroupBy(o => o.Type)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<CrmSchemaField>)[.. group.SelectMany(o => o.Mapping.CustomFields).DistinctBy(f => f.UniqueName)]);
}
