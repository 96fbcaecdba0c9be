using System.Diagnostics;
using CsvHelper;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Mapping;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Samples;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Benchmarks;

/// <summary>The measured scenarios.</summary>
internal static class Scenarios
{
    public static long Generate(long rows, string csvPath)
    {
        SyntheticExports.WriteCsv(CrmObjectType.Account, rows, csvPath);
        return rows;
    }

    /// <summary>The whole dry run over the export with <c>mappings/benchmark/account.yaml</c> (or
    /// <paramref name="mappingFile"/> of that folder); with <paramref name="stateDirectory"/>, against that state (the
    /// incremental check of every record).</summary>
    public static async Task<long> DryRunAsync(string csvPath, string? stateDirectory = null, string mappingFile = "account.yaml")
    {
        var work = Directory.CreateTempSubdirectory("gongbridge-bench-");
        try
        {
            var jobPath = Path.Combine(work.FullName, "job.yaml");
            var mapping = Path.Combine(RepositoryRoot(), "mappings", "benchmark", mappingFile);
            await File.WriteAllTextAsync(jobPath, $$"""
                integration: { name: Benchmark, ownerEmail: bench@example.com }
                objects:
                  - type: ACCOUNT
                    source: { path: "{{Path.GetFullPath(csvPath)}}" }
                    mapping: "{{mapping}}"
                """);
            var job = JobLoader.Load(jobPath, RecordSources.FindMissingColumns);
            var phases = new PhaseClock();
            Console.WriteLine($"  job loaded at {Program_Elapsed():F2} s");
            var summary = await new DryRunner(stateDirectory: stateDirectory).RunAsync(job, new RunOptions { ReportDirectory = Path.Combine(work.FullName, "report") }, phases);
            Console.WriteLine($"  last chunk consumed at {phases.LastChunk.TotalSeconds:F2} s, files complete at {phases.Completed.TotalSeconds:F2} s after the job was loaded");
            var counts = summary.ObjectTypes["ACCOUNT"];
            if (stateDirectory is not null)
            {
                Console.WriteLine($"  {counts.Unchanged:N0} unchanged, {counts.Valid:N0} to send");
            }

            var batches = Directory.GetFiles(work.FullName, "*.ldjson", SearchOption.AllDirectories);
            Console.WriteLine($"  {counts.Files} LDJSON file(s), {batches.Sum(f => new FileInfo(f).Length) / 1048576.0:N0} MB");
            if (counts.Rejected > 0)
            {
                Console.WriteLine($"note: {counts.Rejected:N0} records rejected");
            }

            return counts.Read;
        }
        finally
        {
            // Deleting the files written is not part of a dry run: Program does it after the clock stops.
            Cleanup.Add(work);
        }
    }

    /// <summary>Gets the folders to delete once the measured run is over.</summary>
    public static List<DirectoryInfo> Cleanup { get; } = [];

    /// <summary>Gets the clock of the whole measured run.</summary>
    public static Stopwatch Clock { get; } = new();

    private static double Program_Elapsed() => Clock.Elapsed.TotalSeconds;

    /// <summary>Reading and mapping only (the Dataflow graph with a consumer that drops the chunks): what batching adds
    /// is the difference to <see cref="DryRunAsync"/>.</summary>
    public static async Task<long> MapOnlyAsync(string csvPath)
    {
        var mapping = MappingLoader.Load(Path.Combine(RepositoryRoot(), "mappings", "benchmark", "account.yaml"), CrmObjectType.Account);
        long records = 0;
        await using var source = RecordSources.Open(new SourceSpec(Path.GetFullPath(csvPath)), mapping.Columns);
        await PipelineGraph.RunAsync(
            source,
            mapping,
            (chunk, _) =>
            {
                records += chunk.ReadCount;
                return ValueTask.CompletedTask;
            },
            Environment.ProcessorCount,
            CancellationToken.None);
        return records;
    }

    /// <summary>Parses the CSV with CsvHelper alone, touching every field, as the lower bound of reading it.</summary>
    public static long RawParse(string csvPath)
    {
        using var reader = CsvReader.FromFile(csvPath);
        long records = 0;
        long bytes = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                bytes += reader.GetSpan(i).Length;
            }

            records++;
        }

        Console.WriteLine($"raw: {bytes:N0} field bytes");
        return records;
    }

    /// <summary>Records when the last chunk went through the batcher and when the files were complete, to split the run
    /// into read/map/add and the merge that follows.</summary>
    private sealed class PhaseClock : IProgress<PipelineProgress>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public TimeSpan LastChunk { get; private set; }

        public TimeSpan Completed { get; private set; }

        public void Report(PipelineProgress value)
        {
            if (value.Completed)
            {
                Completed = _watch.Elapsed;
            }
            else
            {
                LastChunk = _watch.Elapsed;
            }
        }
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GongCrmBridge.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from a checkout of the repository.");
    }
}
