using System.Collections.ObjectModel;
using System.Text.Json.Serialization;

namespace GongCrmBridge.Reporting;

/// <summary>The machine-readable outcome of one run: <c>summary.json</c> (SPEC.md, "Run report").</summary>
/// <remarks>For every object type, <c>read = accepted + rejected + unchanged</c> (a dry run counts <c>valid</c>
/// instead of <c>accepted</c>, and a stopped run <c>notSent</c> and <c>pending</c> besides); the tests check it on
/// every summary they read.</remarks>
public sealed class RunSummary
{
    /// <summary>Gets or sets the run id (also the default report folder name).</summary>
    public required string RunId { get; set; }

    /// <summary>Gets or sets <c>sync</c> or <c>dry-run</c>.</summary>
    public required string Mode { get; set; }

    /// <summary>Gets or sets the job file.</summary>
    public string? Job { get; set; }

    /// <summary>Gets or sets when the run started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Gets or sets when the run ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Gets the counts per object type, keyed by Gong's wire name, in dependency order.</summary>
    public Dictionary<string, ObjectTypeSummary> ObjectTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the Gong API calls this run made (every attempt counts against Gong's daily budget).</summary>
    public long ApiCalls { get; set; }

    /// <summary>Gets or sets the calls made today (UTC) by every run of this state, this one included; null without a state.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ApiCallsToday { get; set; }

    /// <summary>Gets the mirror deletes withheld per object type (SPEC.md, "Mirror"); empty when none was.</summary>
    public Dictionary<string, long> DeletesWithheld { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the company's daily budget left as far as this run knows: the job's budget minus the calls
    /// its state counted today (all of it when there is no state yet).</summary>
    public long? DailyBudgetLeft { get; set; }

    /// <summary>Gets or sets the plan: files, records and API calls expected, the polls of earlier runs' unfinished uploads
    /// included (null when the batches were not built).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Planning.CallPlan? Plan { get; set; }

    /// <summary>Gets or sets the integration used, if any.</summary>
    public long? IntegrationId { get; set; }

    /// <summary>Gets the warnings: data or mapping problems that did not stop a record (SPEC.md warning codes).</summary>
    public Collection<RunWarning> Warnings { get; } = [];

    /// <summary>Gets the custom-field schema changes the run made or kept, one line each.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SchemaChanges { get; set; }

    /// <summary>Gets or sets why the run failed or stopped early, if it did.</summary>
    public string? Error { get; set; }

    /// <summary>Gets or sets the process exit code (SPEC.md: 0, 1, 2, 3; 130 when cancelled).</summary>
    public int ExitCode { get; set; }

    /// <summary>Returns the summary of <paramref name="wireName"/>, creating it on first use.</summary>
    public ObjectTypeSummary For(string wireName)
    {
        if (!ObjectTypes.TryGetValue(wireName, out var summary))
        {
            summary = new ObjectTypeSummary();
            ObjectTypes[wireName] = summary;
        }

        return summary;
    }
}

/// <summary>What happened to the records of one object type.</summary>
public sealed class ObjectTypeSummary
{
    /// <summary>Gets or sets the records read from the exports.</summary>
    public long Read { get; set; }

    /// <summary>Gets or sets the records that passed mapping and validation (dry run only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Valid { get; set; }

    /// <summary>Gets or sets the records Gong accepted (sync only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Accepted { get; set; }

    /// <summary>Gets or sets the records rejected, at any stage.</summary>
    public long Rejected { get; set; }

    /// <summary>Gets or sets the records skipped because they did not change since the last run.</summary>
    public long Unchanged { get; set; }

    /// <summary>Gets or sets the rows the mapping's <c>where</c> left out.</summary>
    public long Skipped { get; set; }

    /// <summary>Gets or sets the records folded into another record of the same objectId (identical apart from
    /// modifiedDate, or an earlier line of a non-unique key).</summary>
    public long Merged { get; set; }

    /// <summary>Gets or sets the records neither accepted nor rejected because the run stopped early.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long NotSent { get; set; }

    /// <summary>Gets or sets the records sent to Gong whose processing the run did not see finish (it was stopped).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Pending { get; set; }

    /// <summary>Gets or sets how many of <see cref="Rejected"/> Gong counted as errors without naming them
    /// (they have no row in rejections.csv; see <c>--max-error-rounds</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long RejectedUnnamed { get; set; }

    /// <summary>Gets or sets the objects mirror mode deleted in Gong (apart from what was read).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Deleted { get; set; }

    /// <summary>Gets or sets the number of LDJSON files built.</summary>
    public int Files { get; set; }

    /// <summary>Gets the uploads made for this type, in order.</summary>
    public Collection<UploadSummary> Uploads { get; } = [];
}

/// <summary>One upload of an LDJSON file and Gong's verdict on it.</summary>
public sealed class UploadSummary
{
    /// <summary>Gets or sets the upload's clientRequestId.</summary>
    public required string ClientRequestId { get; set; }

    /// <summary>Gets or sets the file uploaded.</summary>
    public string? File { get; set; }

    /// <summary>Gets or sets the records in the file.</summary>
    public int Records { get; set; }

    /// <summary>Gets or sets the file's size.</summary>
    public long Bytes { get; set; }

    /// <summary>Gets or sets Gong's final status: DONE, FAILED, or the last one seen.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets Gong's count of valid objects.</summary>
    public int? TotalSuccessCount { get; set; }

    /// <summary>Gets or sets Gong's count of failed objects.</summary>
    public int? TotalErrorCount { get; set; }
}

/// <summary>A warning of the run (SPEC.md, "Run report": the codes a scheduler may alert on): the records are still
/// sent, but something is probably wrong with the data or the mapping.</summary>
public sealed class RunWarning
{
    /// <summary>Gets or sets the machine-readable code, e.g. <c>unknown-reference</c>, <c>catch-all-dominant</c>.</summary>
    public string Code { get; set; } = "unknown-reference";

    /// <summary>Gets or sets the object type concerned; null when the warning concerns the whole run (<c>budget</c>).</summary>
    public required string? ObjectType { get; set; }

    /// <summary>Gets or sets the field concerned, if one is (e.g. accountId, status).</summary>
    public string? Field { get; set; }

    /// <summary>Gets or sets the object type pointed at (<c>unknown-reference</c> only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Target { get; set; }

    /// <summary>Gets or sets how many records (or values) the warning concerns.</summary>
    public long Count { get; set; }

    /// <summary>Gets or sets the warning in one line, for people.</summary>
    public string Message { get; set; } = string.Empty;

    /// <summary>Gets the first few records concerned, when the warning points at records.</summary>
    public Collection<ReferenceWarningExample> Examples { get; } = [];
}

/// <summary>One record behind a <see cref="RunWarning"/>.</summary>
/// <param name="Source">The export.</param>
/// <param name="Line">The record's line.</param>
/// <param name="ObjectId">The record's objectId.</param>
/// <param name="MissingId">The id it points at that the job does not hold.</param>
public sealed record ReferenceWarningExample(string Source, long Line, string ObjectId, string MissingId);
