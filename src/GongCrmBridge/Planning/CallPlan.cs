using System.Globalization;
using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Planning;

/// <summary>The run's plan (SPEC.md, "Run report"): files and records per type and the Gong API calls a sync of them
/// expects, printed by <c>validate</c> and <c>sync</c> before sending and written into summary.json. A small pure value
/// computed from the built batches, so the state store's daily budget check can compare it with the calls left.</summary>
/// <remarks>Calls expected: 1 integration lookup (a register call more when the integration is new is not counted),
/// 1 schema read plus 1 schema write per type with custom fields, and per file 1 upload and <see cref="PollsPerFile"/>
/// status polls (Gong usually finishes a file within two polls); with a state, <see cref="PollsPerFile"/> polls more for
/// every upload an earlier run left unfinished (a resumed run polls them first). Retries and mirror deletes (decided
/// only once the upserts are done) are not foreseen.</remarks>
public sealed record CallPlan(IReadOnlyList<TypePlan> Types, long Lookups, long SchemaCalls, long Uploads, long Polls)
{
    /// <summary>The status polls planned per uploaded file.</summary>
    public const int PollsPerFile = 2;

    /// <summary>Gets the status polls planned for the uploads earlier runs left unfinished.</summary>
    public long ResumedPolls { get; init; }

    /// <summary>Gets every call expected: what the daily budget check compares with the calls left.</summary>
    public long Calls => Lookups + SchemaCalls + Uploads + Polls + ResumedPolls;

    /// <summary>Returns this plan with the polls of the uploads earlier runs left unfinished.</summary>
    /// <param name="unfinishedUploads">Uploads the state holds as not finished.</param>
    public CallPlan WithLeftovers(int unfinishedUploads) => this with { ResumedPolls = (long)unfinishedUploads * PollsPerFile };

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
    public override string ToString()
    {
        var types = string.Join("; ", Types.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.ObjectType} {t.Files:N0} file(s), {t.Records:N0} record(s)")));
        var resumed = ResumedPolls > 0 ? string.Create(CultureInfo.InvariantCulture, $", {ResumedPolls:N0} poll(s) of earlier runs' uploads") : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"plan: {types}; about {Calls:N0} API calls ({Lookups} lookup, {SchemaCalls} schema, {Uploads:N0} upload(s), {Polls:N0} poll(s){resumed})");
    }
}

/// <summary>What one object type sends.</summary>
/// <param name="ObjectType">Gong's wire name.</param>
/// <param name="Files">LDJSON files.</param>
/// <param name="Records">Records in them.</param>
public sealed record TypePlan(string ObjectType, int Files, long Records);
