using System.Text.Json;
using GongCrmBridge.Reporting;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Cli.Tests.Infrastructure;

/// <summary>A run's report as the tests read it: the summary and the rejections rows.</summary>
internal sealed record Report(RunSummary Summary, IReadOnlyList<RejectionRow> Rejections)
{
    public static Report Read(string directory)
    {
        var summary = RunSummaries.Read(Path.Combine(directory, RunReportWriter.SummaryFileName));
        var rows = File.ReadAllLines(Path.Combine(directory, RejectionsCsvWriter.FileName))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(RejectionRow.Parse)
            .ToList();
        return new Report(summary, rows);
    }
}

/// <summary>One row of rejections.csv (the tests' rows hold no quotes or commas except in the reason, which is last).</summary>
internal sealed record RejectionRow(string ObjectType, string Source, long Line, string ObjectId, string Stage, string Reason)
{
    public static RejectionRow Parse(string line)
    {
        var parts = line.Split(',', 6);
        return new RejectionRow(parts[0], parts[1], long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts[3], parts[4], parts[5].Trim('"'));
    }
}

/// <summary>Reads the LDJSON batches a run uploaded, to compare Gong's store against.</summary>
internal static class Batches
{
    /// <summary>Returns, per objectId, the newest line of any batch file of <paramref name="objectType"/>, leaving out
    /// objects whose newest line deletes them (Gong's store no longer holds those).</summary>
    public static IReadOnlyDictionary<string, JsonElement> Latest(string reportDirectory, string objectType)
    {
#pragma warning disable CA1308 // the tool names batch folders in lower case; not a comparison
        var folder = Path.Combine(reportDirectory, "batches", objectType.ToLowerInvariant());
#pragma warning restore CA1308
        var latest = new Dictionary<string, (DateTimeOffset Modified, JsonElement Record)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.ldjson").Where(f => !Path.GetFileName(f).Contains(".r", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file))
            {
                var record = JsonDocument.Parse(line).RootElement.Clone();
                var id = record.GetProperty("objectId").GetString()!;
                var modified = record.GetProperty("modifiedDate").GetDateTimeOffset();
                if (!latest.TryGetValue(id, out var seen) || seen.Modified <= modified)
                {
                    latest[id] = (modified, record);
                }
            }
        }

        return latest
            .Where(p => !(p.Value.Record.TryGetProperty("isDeleted", out var deleted) && deleted.ValueKind == JsonValueKind.True))
            .ToDictionary(p => p.Key, p => p.Value.Record, StringComparer.Ordinal);
    }
}
