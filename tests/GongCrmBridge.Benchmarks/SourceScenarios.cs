using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Benchmarks;

/// <summary>Throughput of the read and batch stages on their own, for scale next to the end-to-end run.</summary>
internal static class SourceScenarios
{
    /// <summary>Writes a synthetic 12-column ACCOUNT-like CSV (no Bogus: fixed, cheap values).</summary>
    public static void WriteCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("Id,Name,Website,Industry,Employees,Revenue,Country,City,OwnerId,Created,LastModified,Notes\n");
        for (var i = 0; i < rows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"ACC-{i:D8},\"Company {i}, Inc\",https://www{i}.example.com/,Manufacturing,{i % 5000},{i * 10.5:F2},DE,Berlin,USR-{i % 300:D4},2023-01-{1 + (i % 28):D2},2024-03-{1 + (i % 28):D2} 10:{i % 60:D2}:00,Note {i}\n"));
        }
    }

    /// <summary>CsvHelper alone: every field of every record as UTF-8 spans.</summary>
    public static double RawParse(string path)
    {
        var watch = Stopwatch.StartNew();
        long rows = 0, bytes = 0;
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',' });
        while (reader.Read())
        {
            for (var f = 0; f < reader.FieldCount; f++)
            {
                bytes += reader.GetSpan(f).Length;
            }

            rows++;
        }

        return rows / watch.Elapsed.TotalSeconds;
    }

    /// <summary>RecordSources.Open over the export with the benchmark mapping's columns; returns the records read.</summary>
    public static async Task<long> ReadCountAsync(string path)
    {
        string[] columns = ["Id", "Name", "Website", "Industry", "Employees", "AnnualRevenue", "CreatedDate", "LastModified", "OwnerId", "Tier", "HealthScore", "Region"];
        long rows = 0;
        await using var source = RecordSources.Open(new SourceSpec(path), columns);
        await foreach (var chunk in source.ReadChunksAsync())
        {
            rows += chunk.Count;
            chunk.ReturnBuffers(); // as the pipeline does once a chunk is mapped
        }

        return rows;
    }

    /// <summary><see cref="BatchAsync"/> in a fresh folder under <paramref name="directory"/>; returns the records batched.</summary>
    public static async Task<long> BatchCountAsync(string directory, int rows)
    {
        var work = Directory.CreateTempSubdirectory("gongbridge-batch-");
        try
        {
            var perSecond = await BatchAsync(work.FullName, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch: {perSecond:N0} records/s without building the chunks"));
            return rows;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>RecordSources.Open over the CSV: 12 columns into SourceChunks.</summary>
    public static async Task<double> ReadAsync(string path)
    {
        string[] columns = ["Id", "Name", "Website", "Industry", "Employees", "Revenue", "Country", "City", "OwnerId", "Created", "LastModified", "Notes"];
        var watch = Stopwatch.StartNew();
        long rows = 0;
        await using var source = RecordSources.Open(new SourceSpec(path), columns);
        await foreach (var chunk in source.ReadChunksAsync())
        {
            rows += chunk.Count;
        }

        return rows / watch.Elapsed.TotalSeconds;
    }

    /// <summary>LdjsonBatcher alone, fed pre-built chunks of ~250-byte records.</summary>
    public static async Task<double> BatchAsync(string workDirectory, int rows)
    {
        var building = new Stopwatch();
        var watch = Stopwatch.StartNew();
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, new BatchingOptions { WorkDirectory = workDirectory });
        for (var done = 0; done < rows; done += 4096)
        {
            building.Start();
            var chunk = BuildChunk(done, 4096);
            building.Stop();
            await batcher.AddAsync(chunk, default);
        }

        var adding = watch.Elapsed - building.Elapsed;
        await batcher.CompleteAsync(default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch: add {adding.TotalSeconds:F2}s, complete {(watch.Elapsed - building.Elapsed - adding).TotalSeconds:F2}s"));
        return rows / (watch.Elapsed - building.Elapsed).TotalSeconds;
    }

    private static MappedChunk BuildChunk(int first, int count)
    {
        var json = new List<byte>();
        var ids = new List<byte>();
        var records = new List<MappedRecord>();
        var random = new Random(first);
        for (var i = first; i < first + count; i++)
        {
            var id = "ACC-" + i.ToString("D10", CultureInfo.InvariantCulture);
            var bytes = Encoding.UTF8.GetBytes(
                $"{{\"objectId\":\"{id}\",\"modifiedDate\":\"2024-03-01T10:00:00Z\",\"name\":\"Company {i}, Inc\",\"domains\":[\"www{i}.example.com\"],\"industry\":\"Manufacturing\",\"employees\":{i},\"revenue\":{i * 10.5},\"country\":\"DE\",\"city\":\"Berlin\"}}");
            records.Add(new MappedRecord(DateTime.UnixEpoch.AddSeconds(random.Next()).Ticks, i + 2, json.Count, bytes.Length, new IdRange(ids.Count, id.Length), default));
            json.AddRange(bytes);
            ids.AddRange(Encoding.ASCII.GetBytes(id));
        }

        return new MappedChunk(CrmObjectType.Account, "bench.csv", count, records, json.ToArray(), ids.ToArray(), []);
    }
}
