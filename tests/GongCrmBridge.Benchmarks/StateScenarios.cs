using System.Diagnostics;
using System.Globalization;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Sources;
using GongCrmBridge.State;
using Microsoft.Data.Sqlite;

namespace GongCrmBridge.Benchmarks;

/// <summary>The state store at scale (issue 11): content hashes of every record, a state of as many tracked objects,
/// the incremental check's index (load time, memory, lookups) against streaming lookups from SQLite.</summary>
internal static class StateScenarios
{
    /// <summary>Dry-runs the export into LDJSON (timed apart), records every record as tracked, then measures.</summary>
    public static async Task<long> RunAsync(string csvPath)
    {
        var work = Directory.CreateTempSubdirectory("gongbridge-bench-state-");
        Scenarios.Cleanup.Add(work);
        var files = await DryRunAsync(csvPath, work.FullName);
        for (var round = 0; round < 3; round++)
        {
            TypicalAccountHashes(1_000_000);
        }

        // 1. The content hash and objectId key of each record as sent, over the LDJSON bytes (files read first, one at a time).
        var ids = new List<ulong>();
        var hashes = new List<ulong>();
        var hashing = new Measure();
        var keying = new Measure();
        long bytes = 0;
        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(file);
            bytes += content.Length;
            var lines = Lines(content);
            hashing.Start();
            foreach (var (start, length) in lines)
            {
                hashes.Add(RecordContentHash.Of(content.AsSpan(start, length)));
            }

            hashing.Stop();
            keying.Start();
            foreach (var (start, length) in lines)
            {
                ids.Add(ObjectKey.Of(ObjectIdOf(content.AsSpan(start, length))));
            }

            keying.Stop();
        }

        var records = hashes.Count;
        hashing.Report("content hash, the export's records", records, $"{bytes / (double)records:N0} bytes a record");
        keying.Report("objectId key", records, string.Empty);

        // 2. A state tracking every record: the upsert after Gong accepted the files (reading them back, then writing).
        var readingBack = new Measure().Start();
        var readBack = files.Sum(file => AcceptedRecords.Read(file).Count());
        readingBack.Stop().Report("read back (objectId, hash, date of each line)", readBack, string.Empty);
        using var store = StateStore.Open(Path.Combine(work.FullName, "state"));
        store.Runs.Start(new RunStart("bench", "bench.yaml", "upsert", Full: false));
        var upserting = new Measure().Start();
        foreach (var file in files)
        {
            var upload = store.Uploads.Plan("bench", CrmObjectType.Account, await FileDigest.OfFileAsync(file, CancellationToken.None), 0, new FileInfo(file).Length, file);
            store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, AcceptedRecords.Read(file));
        }

        upserting.Stop().Report("upsert (read back + write)", records, $"state file {new FileInfo(Path.Combine(store.Directory, StateStore.DatabaseFileName)).Length / 1048576.0:N0} MB");

        // 3. The index of the incremental check: built from the table, then from its snapshot; memory; one lookup per record.
        var building = new Measure().Start();
        var built = store.Tracked.LoadIndex(CrmObjectType.Account);
        building.Stop().Report("index built from the table", built.Count, string.Empty);
        built = null;
        var saving = new Measure().Start();
        store.Tracked.RefreshIndexes();
        saving.Stop().Report("index snapshot written", records, string.Empty);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loading = new Measure().Start();
        var index = store.Tracked.LoadIndex(CrmObjectType.Account);
        loading.Stop();
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        loading.Report("index loaded from its snapshot", index.Count, $"{index.MemoryBytes / 1048576.0:N1} MB in the index, {held / 1048576.0:N1} MB more managed heap");
        var looking = new Measure().Start();
        var unchanged = 0;
        for (var i = 0; i < records; i++)
        {
            unchanged += index.Check(ids[i], hashes[i]) == TrackedLookup.Unchanged ? 1 : 0;
        }

        looking.Stop().Report("index lookups", records, $"{unchanged:N0} unchanged");
        var scanning = new Measure().Start();
        var notSeen = store.Tracked.NotSeen(CrmObjectType.Account, index).Count();
        scanning.Stop().Report("mirror: tracked but not seen", index.Count, $"{notSeen:N0} found");

        // 4. The alternative: one prepared SELECT per record, streamed (measured on a sample, the rest extrapolated).
        StreamingLookups(store, files[0], Math.Min(records, 100_000));
        return records;
    }

    /// <summary>The content hash of <paramref name="count"/> acme-like ACCOUNT records of ~330 bytes (samples/acme's shape).</summary>
    private static void TypicalAccountHashes(int count)
    {
        var record = System.Text.Encoding.UTF8.GetBytes(
            """{"objectId":"ACC-0000000","modifiedDate":"2024-01-09T18:37:00Z","isDeleted":false,"url":"https://crm.acme.example/accounts/ACC-0000000","name":"Castañeda S.A.","domains":["castaneda.com","castaneda-group.com"],"industry":"Healthcare","employees":4808,"annualRevenue":3857794.96,"tier":"Silver","healthScore":51.9,"region":"NORDICS","accountOwner":"USR-003","sourceSystem":"Acme CRM"}""");
        var sum = 0UL;
        var plain = new Measure().Start();
        for (var i = 0; i < count; i++)
        {
            record[19] = (byte)('0' + (i % 10));
            sum += System.IO.Hashing.XxHash3.HashToUInt64(record);
        }

        plain.Stop().Report("XxHash3 alone of the whole record, for scale", count, string.Empty);
        var hashing = new Measure().Start();
        for (var i = 0; i < count; i++)
        {
            record[19] = (byte)('0' + (i % 10));
            record[18] = (byte)('0' + (i / 10 % 10));
            sum += RecordContentHash.Of(record);
        }

        hashing.Stop().Report("content hash, acme-like ACCOUNT", count, $"{record.Length} bytes a record (checksum {sum % 1000})");
    }

    /// <summary>Writes a state in <paramref name="stateDirectory"/> tracking every record of the export, with the same
    /// content hashes (a sync would find every record unchanged) or other ones (every record changed: the dry run then
    /// batches everything, as without a state, plus the check), and its index snapshot.</summary>
    public static async Task<long> SeedAsync(string csvPath, string stateDirectory, bool changed)
    {
        var work = Directory.CreateTempSubdirectory("gongbridge-bench-seed-");
        Scenarios.Cleanup.Add(work);
        var files = await DryRunAsync(csvPath, work.FullName);
        using var store = StateStore.Open(stateDirectory);
        store.Runs.Start(new RunStart("seed", "bench.yaml", "upsert", Full: false));
        long count = 0;
        foreach (var file in files)
        {
            var upload = store.Uploads.Plan("seed", CrmObjectType.Account, await FileDigest.OfFileAsync(file, CancellationToken.None), 0, new FileInfo(file).Length, file);
            count += store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, AcceptedRecords.Read(file).Select(o => changed ? o with { ContentHash = ~o.ContentHash } : o));
        }

        store.Tracked.RefreshIndexes();
        return count;
    }

    private static async Task<List<string>> DryRunAsync(string csvPath, string work)
    {
        var jobPath = Path.Combine(work, "job.yaml");
        var mapping = Path.Combine(Scenarios.RepositoryRoot(), "mappings", "benchmark", "account.yaml");
        await File.WriteAllTextAsync(jobPath, $$"""
            integration: { name: Benchmark, ownerEmail: bench@example.com }
            objects:
              - type: ACCOUNT
                source: { path: "{{Path.GetFullPath(csvPath)}}" }
                mapping: "{{mapping}}"
            """);
        var watch = new Measure().Start();
        var summary = await new DryRunner().RunAsync(JobLoader.Load(jobPath, RecordSources.FindMissingColumns), new RunOptions { ReportDirectory = Path.Combine(work, "report") });
        watch.Stop().Report("dry run, for scale: what the check below adds to", summary.ObjectTypes["ACCOUNT"].Read, string.Empty);
        return [.. Directory.GetFiles(work, "*.ldjson", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    private static void StreamingLookups(StateStore store, string file, int sample)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(store.Directory, StateStore.DatabaseFileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_hash FROM tracked_objects WHERE object_type = 'ACCOUNT' AND object_id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Prepare();
        var ids = AcceptedRecords.Read(file).Take(sample).Select(o => o.ObjectId).ToList();
        var watch = new Measure().Start();
        var found = 0;
        foreach (var objectId in ids)
        {
            id.Value = objectId;
            found += command.ExecuteScalar() is long ? 1 : 0;
        }

        watch.Stop().Report("streaming lookups (one SELECT each)", ids.Count, $"{found:N0} found");
    }

    private static List<(int Start, int Length)> Lines(byte[] content)
    {
        var lines = new List<(int, int)>();
        for (var start = 0; start < content.Length;)
        {
            var length = content.AsSpan(start).IndexOf((byte)'\n');
            length = length < 0 ? content.Length - start : length;
            lines.Add((start, length));
            start += length + 1;
        }

        return lines;
    }

    /// <summary>The objectId as the mapper writes it, first: <c>{"objectId":"...",</c> (the pipeline has it already).</summary>
    private static ReadOnlySpan<byte> ObjectIdOf(ReadOnlySpan<byte> record)
    {
        var value = record["{\"objectId\":\"".Length..];
        return value[..value.IndexOf((byte)'"')];
    }

    /// <summary>Wall time and this process's CPU time of a block: on a busy shared machine the CPU time of a
    /// single-threaded loop is the steadier of the two.</summary>
    private sealed class Measure
    {
        private readonly Stopwatch _wall = new();
        private TimeSpan _cpu;
        private TimeSpan _cpuAtStart;

        public Measure Start()
        {
            _cpuAtStart = Cpu();
            _wall.Start();
            return this;
        }

        public Measure Stop()
        {
            _wall.Stop();
            _cpu += Cpu() - _cpuAtStart;
            return this;
        }

        public void Report(string what, long count, string detail) =>
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {what}: {count:N0} in {_wall.Elapsed.TotalMilliseconds:N0} ms wall, {_cpu.TotalMilliseconds:N0} ms cpu = {_cpu.TotalMilliseconds * 1_000_000 / Math.Max(count, 1):N0} ns cpu each{(detail.Length > 0 ? "; " + detail : string.Empty)}"));

        private static TimeSpan Cpu()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }
}
