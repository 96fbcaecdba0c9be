using System.Text.Json;
using System.Text.Json.Serialization;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Tests.Support;

/// <summary>Reading a run's <c>summary.json</c> back and checking its books. Only tests do either: the tool writes
/// the summary (<see cref="RunReportWriter"/>) and never reads it. Linked into GongCrmBridge.Cli.Tests too.</summary>
internal static class RunSummaries
{
    // Reflection can fill the summary's get-only collections, which the tool's generated contract (write-only) cannot
    // do for types with required members.
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    };

    extension(ObjectTypeSummary counts)
    {
        /// <summary>Gets a value indicating whether every record read is accounted for exactly once (SPEC.md:
        /// <c>read = accepted + rejected + unchanged + skipped + merged</c>, with <c>valid</c> in a dry run and <c>notSent</c>/<c>pending</c>
        /// when a run is stopped early).</summary>
        public bool Balances =>
            counts.Read == (counts.Valid ?? 0) + (counts.Accepted ?? 0) + counts.Rejected + counts.Unchanged + counts.Skipped + counts.Merged + counts.NotSent + counts.Pending;
    }

    /// <summary>Reads a summary written by <see cref="RunReportWriter.WriteAsync"/>.</summary>
    public static RunSummary Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunSummary>(stream, ReadOptions)
               ?? throw new InvalidDataException($"{path} holds no run summary.");
    }
}
