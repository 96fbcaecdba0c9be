using System.Text.Json;
using System.Text.Json.Serialization;

namespace GongCrmBridge.Reporting;

/// <summary>Writes <c>summary.json</c>.</summary>
public static class RunReportWriter
{
    /// <summary>The file name of the summary inside the report folder.</summary>
    public const string SummaryFileName = "summary.json";

    // Reading back (tests, tools) is rare: reflection is fine there, and it can fill the summary's get-only collections,
    // which the generated contract cannot do for types with required members.
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    };

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

    /// <summary>Reads a summary written by <see cref="WriteAsync"/> (tests and tools; the tool itself never does).</summary>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Reads through reflection-based System.Text.Json.")]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Reads through reflection-based System.Text.Json.")]
    public static RunSummary Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunSummary>(stream, ReadOptions)
               ?? throw new InvalidDataException($"{path} holds no run summary.");
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
