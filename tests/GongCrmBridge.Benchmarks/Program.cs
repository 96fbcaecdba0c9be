using System.Globalization;
using GongCrmBridge.Benchmarks;

// Usage (Release build; each scenario in its own process so peak RSS is that scenario's alone):
//   generate <rows> <csv>      write a synthetic ACCOUNT export (fixed seed)
//   dry-run <csv>              read → map → validate → batch to LDJSON, as `gongbridge validate` does
//   raw <csv>                  CsvHelper parse of the same file touching every field, for scale
//   map-only <csv>             read → map → validate, batches dropped: what batching costs is the difference
//   read <csv>                 RecordSources alone: the export's 12 columns into SourceChunks
//   batch <dir> <rows>         LdjsonBatcher alone, fed pre-built chunks of ~250-byte records (files in dir)
//   state <csv>                the state store: content hashes, a state tracking every record, the incremental index
//   state-seed <csv> <dir> changed|same   a state in <dir> tracking every record of the export (hashes that differ, or the same)
//   dry-run-state <csv> <dir>  the dry run with the incremental check against the state in <dir>
// run.sh runs all of them for 1M and 5M rows and prints the table kept in README.md.
if (args.Length < 2)
{
    await Console.Error.WriteLineAsync("usage: generate <rows> <csv> | dry-run <csv> | dry-run-everyday <csv> | map-only <csv> | raw <csv>");
    return 2;
}

// Samples the GC's committed memory while the scenario runs, to tell managed memory from the rest of the peak RSS.
long peakCommitted = 0;
using var sampler = new Timer(_ => peakCommitted = Math.Max(peakCommitted, GC.GetGCMemoryInfo().TotalCommittedBytes), null, 0, 50);
var watch = Scenarios.Clock;
watch.Start();
long records = args[0] switch
{
    "generate" => Scenarios.Generate(long.Parse(args[1], CultureInfo.InvariantCulture), args[2]),
    "dry-run" => await Scenarios.DryRunAsync(args[1]),
    "dry-run-everyday" => await Scenarios.DryRunAsync(args[1], mappingFile: "account-everyday.yaml"),
    "raw" => Scenarios.RawParse(args[1]),
    "map-only" => await Scenarios.MapOnlyAsync(args[1]),
    "read" => await SourceScenarios.ReadCountAsync(args[1]),
    "batch" => await SourceScenarios.BatchCountAsync(Path.GetDirectoryName(Path.GetFullPath(args[1]))!, int.Parse(args[2], CultureInfo.InvariantCulture)),
    "state" => await StateScenarios.RunAsync(args[1]),
    "state-seed" => await StateScenarios.SeedAsync(args[1], args[2], changed: args[3] == "changed"),
    "dry-run-state" => await Scenarios.DryRunAsync(args[1], args[2]),
    _ => throw new ArgumentException("unknown scenario " + args[0]),
};
watch.Stop();
foreach (var folder in Scenarios.Cleanup)
{
    folder.Delete(recursive: true);
}

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{args[0]}: {records:N0} records in {watch.Elapsed.TotalSeconds:F2} s = {records / watch.Elapsed.TotalSeconds:N0} records/s; peak RSS {PeakRss.Megabytes():N0} MB"));
var process = System.Diagnostics.Process.GetCurrentProcess();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"  cpu {process.UserProcessorTime.TotalSeconds:F2} s user + {process.PrivilegedProcessorTime.TotalSeconds:F2} s sys; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB; GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}; pause {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms; GC committed peak {peakCommitted / 1048576.0:N0} MB"));
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"  jit {System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s"));
return 0;
