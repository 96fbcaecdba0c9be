using System.Text;
using System.Text.Json;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.ReadBack;

/// <summary>Options of <see cref="ReadBackVerifier"/>.</summary>
public sealed record VerifyOptions
{
    /// <summary>Gets the most objects read back per type. The default value is 100.</summary>
    public int SampleSize { get; init; } = 100;

    /// <summary>Gets the folder that receives <c>verify.json</c> (and, while it runs, the mapped files).</summary>
    public required string ReportDirectory { get; init; }

    /// <summary>Gets the state folder of the job's syncs, or <see langword="null"/> when there is none: the records are
    /// then compared with the export as it maps now.</summary>
    public string? StateDirectory { get; init; }
}

/// <summary><c>gongbridge verify</c>: reads back a sample of each type's objects through <c>GET /v2/crm/entities</c>
/// and compares them, field by field, with what was sent.</summary>
/// <remarks>
/// <para>The job is mapped again (as a dry run maps it) and up to <see cref="VerifyOptions.SampleSize"/> records per
/// type are picked evenly across the export, so a sample reaches its end as well as its start. With a state, only
/// the records the state says Gong accepted with exactly this content are compared (their hash is the one tracked);
/// the others are counted <c>notSynced</c>: a difference there is expected, not a fault.</para>
/// <para>Gong reads back ACCOUNT, CONTACT, DEAL and LEAD only, 100 ids per call: at the default sample, four calls
/// per type at most, plus the integration lookup.</para>
/// </remarks>
public sealed class ReadBackVerifier(IGongCrmClient client, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Verifies <paramref name="job"/> against integration <paramref name="integrationId"/> and writes
    /// <c>verify.json</c>.</summary>
    public async Task<VerificationReport> VerifyAsync(JobDefinition job, long integrationId, VerifyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SampleSize, 1);
        var callsBefore = client.CallsMade;
        using var state = options.StateDirectory is { } directory && StateStore.Exists(directory) ? StateStore.Open(directory) : null;
        using var mapped = await MappedJob.BuildAsync(job, Path.Combine(options.ReportDirectory, "verify-work"), _logger, cancellationToken).ConfigureAwait(false);
        var types = new List<TypeVerification>();
        foreach (var type in mapped.Types.Where(t => t.AcceptsSchema()))
        {
            var tracked = state?.Tracked.LoadIndex(type);
            var sample = Sample(mapped, type, options.SampleSize, tracked, out var notSynced);
            var readBack = await client.GetObjectsAsync(integrationId, type, [.. sample.Keys], cancellationToken).ConfigureAwait(false);
            types.Add(Compare(type, mapped.CountOf(type), sample, readBack, notSynced));
        }

        var report = new VerificationReport
        {
            Job = job.Path,
            IntegrationId = integrationId,
            ComparedWith = state is null ? "export" : "state",
            SampleSize = options.SampleSize,
            Types = types,
            ApiCalls = client.CallsMade - callsBefore,
        };
        await VerificationReportWriter.WriteAsync(report, options.ReportDirectory, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Picks up to <paramref name="size"/> records evenly across the type's files; a later version of a picked
    /// object replaces the earlier one (the last version is what Gong keeps).</summary>
    private static Dictionary<string, MappedRecord> Sample(MappedJob mapped, CrmObjectType type, int size, TrackedObjectIndex? tracked, out int notSynced)
    {
        var count = mapped.CountOf(type);
        var step = Math.Max(1.0, (double)count / size);
        var picked = new Dictionary<string, MappedRecord>(StringComparer.Ordinal);
        var next = 0.0;
        long position = 0;
        foreach (var record in mapped.RecordsOf(type))
        {
            if (picked.ContainsKey(record.ObjectId))
            {
                picked[record.ObjectId] = record;
            }
            else if (position >= (long)next && picked.Count < size)
            {
                picked[record.ObjectId] = record;
                next += step;
            }

            position++;
        }

        notSynced = 0;
        if (tracked is null)
        {
            return picked;
        }

        foreach (var (objectId, record) in picked.ToList())
        {
            if (tracked.Check(ObjectKey.Of(objectId), RecordContentHash.Of(Encoding.UTF8.GetBytes(record.Line))) != TrackedLookup.Unchanged)
            {
                picked.Remove(objectId);
                notSynced++;
            }
        }

        return picked;
    }

    private static TypeVerification Compare(
        CrmObjectType type,
        long inExport,
        Dictionary<string, MappedRecord> sample,
        IReadOnlyDictionary<string, JsonElement?> readBack,
        int notSynced)
    {
        var differences = new List<FieldDifference>();
        var missing = new List<string>();
        var notReturned = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int matching = 0, differing = 0;
        foreach (var (objectId, record) in sample)
        {
            var deleted = record.Json.TryGetProperty("isDeleted", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (!readBack.TryGetValue(objectId, out var found) || found is not { ValueKind: JsonValueKind.Object } actual)
            {
                if (deleted)
                {
                    matching++; // sent as a delete, and gone: as it should be
                }
                else
                {
                    missing.Add(objectId);
                }

                continue;
            }

            var before = differences.Count;
            foreach (var field in record.Json.EnumerateObject())
            {
                if (field.Name is "objectId" or "modifiedDate")
                {
                    continue; // the key itself, and the version stamp Gong orders updates by
                }

                if (!actual.TryGetProperty(field.Name, out var value))
                {
                    notReturned[field.Name] = notReturned.GetValueOrDefault(field.Name) + 1;
                }
                else if (!FieldComparer.SameValue(field.Value, value))
                {
                    differences.Add(new FieldDifference(objectId, field.Name, field.Value.GetRawText(), value.GetRawText()));
                }
            }

            if (differences.Count == before)
            {
                matching++;
            }
            else
            {
                differing++;
            }
        }

        return new TypeVerification
        {
            ObjectType = type.ToWireName(),
            InExport = inExport,
            Checked = sample.Count,
            Matching = matching,
            Differing = differing,
            Missing = missing.Count,
            NotSynced = notSynced,
            FieldsNotReturned = notReturned,
            Differences = differences,
            MissingObjectIds = missing,
        };
    }
}
