using System.Text.Json;
using System.Text.Json.Serialization;

namespace GongCrmBridge.Reporting;

/// <summary>Writes <c>summary.json</c>.</summary>
public static class RunReportWriter
{
    /// <summary>The file name of the summary inside the report folder.</summary>
    public const string SummaryFileName = "summary.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // The summary's collections are get-only; reading a report back fills them rather than replacing them.
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
            await JsonSerializer.SerializeAsync(stream, summary, JsonOptions, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Reads a summary written by <see cref="WriteAsync"/>.</summary>
    public static RunSummary Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunSummary>(stream, JsonOptions)
               ?? throw new InvalidDataException($"{path} holds no run summary.");
    }
}
