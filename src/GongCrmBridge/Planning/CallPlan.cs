using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Planning;

/// <summary>The run's plan (SPEC.md, "Run report"): files and records per type and the Gong API calls a sync of them
/// expects, printed by <c>validate</c> and <c>sync</c> before sending and written into summary.json. A small pure value
/// computed from the built batches, so the state store's daily budget check can compare it with the calls left.</summary>
/// <remarks>Calls expected: 1 integration lookup (a register call more when the integration is new is not counted),
/// 1 schema read plus 1 schema write per type with custom fields, and per file 1 upload and <see cref="PollsPerFile"/>
/// status polls (Gong usually finishes a file within two polls). Retries are not foreseen.</remarks>
public sealed record CallPlan(IReadOnlyList<TypePlan> Types, long Lookups, long SchemaCalls, long Uploads, long Polls)
{
    /// <summary>The status polls planned per uploaded file.</summary>
    public const int PollsPerFile = 2;

    /// <summary>Gets every call expected.</summary>
    public long Calls => Lookups + SchemaCalls + Uploads + Polls;

    /// <summary>Returns the calls to compare with the day's budget: this plan's, plus the polls of the uploads earlier
    /// runs left unfinished (a resumed run polls them first).</summary>
    /// <param name="unfinishedUploads">Uploads the state holds as not finished.</param>
    public long CallsWithLeftovers(int unfinishedUploads) => Calls + ((long)unfinishedUploads * PollsPerFile);

    /// <summary>Plans the upload of <paramref name="files"/> per type.</summary>
    /// <param name="files">The built files per object type, in upload order.</param>
    /// <param name="typesWithSchema">The types that declare custom fields.</param>
    internal static CallPlan Of(IReadOnlyList<(CrmObjectType Type, IReadOnlyList<BatchFile> Files)> files, int typesWithSchema)
    {
        var types = files.Select(f => new TypePlan(f.Type.ToWireName(), f.Files.Count, f.Files.Sum(file => (long)file.RecordCount))).ToList();
        var uploads = types.Sum(t => (long)t.Files);
        return new CallPlan(types, Lookups: 1, SchemaCalls: 1 + typesWithSchema, uploads, uploads * PollsPerFile);
    }

    /// <summary>One line for people: "plan: DEAL 1 file(s), 8,800 record(s); ... ; about N API calls".</summary>
    public override string ToString() =>
        $"plan: {string.Join("; ", Types.Select(t => $"{t.ObjectType} {t.Files:N0} file(s), {t.Records:N0} record(s)"))}; " +
        $"about {Calls:N0} API calls ({Lookups} lookup, {SchemaCalls} schema, {Uploads:N0} upload(s), {Polls:N0} poll(s))";
}

/// <summary>What one object type sends.</summary>
/// <param name="ObjectType">Gong's wire name.</param>
/// <param name="Files">LDJSON files.</param>
/// <param name="Records">Records in them.</param>
public sealed record TypePlan(string ObjectType, int Files, long Records);
