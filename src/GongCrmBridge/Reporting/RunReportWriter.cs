using System.Text.Json;
using System.Text.Json.Serialization;

namespace GongCrmBridge.Reporting;

/// <summary>Writes <c>summary.json</c>.</summary>
internal static class RunReportWriter
{
    /// <summary>The file name of the summary inside the report folder.</summary>
    public const string SummaryFileName = "summary.json";

    /// <summary>Writes the summary into <paramref name="reportDirectory"/>, replacing it atomically
    /// (a crash never leaves half a summary behind).</summary>
    public static async Task<string> WriteAsync(RunSummary summary, string reportDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(reportDirectory);
        var path = Path.Combine(reportDirectory, SummaryFileName);
        var temporary = path + ".tmp";
        var stream = File.Create(temporary);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, summary, RunSummaryJson.Default.RunSummary, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }
}

/// <summary>The summary's JSON contract for writing, generated at build time: a run then spends no time building a
/// serializer by reflection (with the CLI's fully optimizing JIT, that cost tens of milliseconds at the end of every
/// run).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class RunSummaryJson : JsonSerializerContext;
