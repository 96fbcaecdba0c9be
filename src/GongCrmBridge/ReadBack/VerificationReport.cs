using System.Text.Json;
using System.Text.Json.Serialization;

namespace GongCrmBridge.ReadBack;

/// <summary>What <c>gongbridge verify</c> found (<c>verify.json</c>).</summary>
public sealed record VerificationReport
{
    /// <summary>The file name inside the report folder.</summary>
    public const string FileName = "verify.json";

    /// <summary>Gets the job file.</summary>
    public required string Job { get; init; }

    /// <summary>Gets the integration read from.</summary>
    public long IntegrationId { get; init; }

    /// <summary>Gets what the sampled records were compared with: <c>state</c> (the records the state says Gong
    /// accepted as they are now) or <c>export</c> (no state: the export as mapped now).</summary>
    public required string ComparedWith { get; init; }

    /// <summary>Gets the most objects read back per type.</summary>
    public int SampleSize { get; init; }

    /// <summary>Gets the results per object type.</summary>
    public required IReadOnlyList<TypeVerification> Types { get; init; }

    /// <summary>Gets the API calls made.</summary>
    public long ApiCalls { get; init; }

    /// <summary>Gets whether every object read back matched.</summary>
    public bool AllMatch => Types.All(t => t.Differing == 0 && t.Missing == 0);
}

/// <summary>The read-back of one object type.</summary>
public sealed record TypeVerification
{
    /// <summary>Gets the object type.</summary>
    public required string ObjectType { get; init; }

    /// <summary>Gets the valid records of the type in the export.</summary>
    public long InExport { get; init; }

    /// <summary>Gets the objects read back.</summary>
    public int Checked { get; init; }

    /// <summary>Gets the objects whose every returned field matches.</summary>
    public int Matching { get; init; }

    /// <summary>Gets the objects with at least one differing field.</summary>
    public int Differing { get; init; }

    /// <summary>Gets the objects Gong does not have.</summary>
    public int Missing { get; init; }

    /// <summary>Gets the sampled records not compared because the state says Gong has not accepted them as they are
    /// now (new or changed since the last sync).</summary>
    public int NotSynced { get; init; }

    /// <summary>Gets the fields that were sent and that Gong's answer does not hold, with how many objects lacked each
    /// (Gong does not document the read-back's fields; not counted as differences).</summary>
    public IReadOnlyDictionary<string, int> FieldsNotReturned { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets every difference found.</summary>
    public IReadOnlyList<FieldDifference> Differences { get; init; } = [];

    /// <summary>Gets the objectIds Gong does not have.</summary>
    public IReadOnlyList<string> MissingObjectIds { get; init; } = [];
}

/// <summary>One field whose value in Gong is not the value sent.</summary>
/// <param name="ObjectId">The object.</param>
/// <param name="Field">The field.</param>
/// <param name="Expected">The value as sent (JSON).</param>
/// <param name="Actual">The value Gong holds (JSON).</param>
public sealed record FieldDifference(string ObjectId, string Field, string Expected, string Actual);

/// <summary>Writes <c>verify.json</c>.</summary>
internal static class VerificationReportWriter
{
    public static async Task<string> WriteAsync(VerificationReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, VerificationReport.FileName);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, report, VerificationJson.Default.VerificationReport, cancellationToken).ConfigureAwait(false);
        }

        return path;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(VerificationReport))]
internal sealed partial class VerificationJson : JsonSerializerContext;
