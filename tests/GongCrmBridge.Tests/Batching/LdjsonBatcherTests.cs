using System.Text.Json;
using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;

namespace GongCrmBridge.Tests.Batching;

public sealed class LdjsonBatcherTests : IDisposable
{
    internal static readonly DateTime Epoch = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gcb-batching-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    /// <summary>A record as the test writes it: objectId, minutes after <see cref="Epoch"/>, source line.</summary>
    internal readonly record struct TestRecord(string Id, int Minute, long Line);

    internal static MappedChunk Chunk(string source, params TestRecord[] records) => Chunk(CrmObjectType.Account, source, records);

    internal static MappedChunk Chunk(CrmObjectType type, string source, IReadOnlyList<TestRecord> records) =>
        MappedChunk.FromRecords(
            type,
            source,
            [
                .. records.Select(r => (
                    r.Id,
                    Epoch.AddMinutes(r.Minute).Ticks,
                    r.Line,
                    $"{{\"objectId\":\"{r.Id}\",\"modifiedDate\":\"{Epoch.AddMinutes(r.Minute):yyyy-MM-ddTHH:mm:ssZ}\",\"line\":{r.Line}}}",
                    default(ReferenceIds))),
            ]);

    internal static List<(string Id, int Minute, long Line)> ReadLines(BatchFile file) =>
        [.. File.ReadAllLines(file.Path).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var root = doc.RootElement;
            var minute = (int)(root.GetProperty("modifiedDate").GetDateTime().ToUniversalTime() - Epoch).TotalMinutes;
            return (root.GetProperty("objectId").GetString()!, minute, root.GetProperty("line").GetInt64());
        })];

    private BatchingOptions Options(long maxFileBytes = 1_000_000, int sortBufferBytes = 1 << 20) =>
        new() { WorkDirectory = _work, MaxFileBytes = maxFileBytes, SortBufferBytes = sortBufferBytes };

    [Fact]
    public async Task Complete_MoreThanOneFileOfRecords_SplitsEveryFileUnderTheLimit()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, Options(maxFileBytes: 1024));
        var records = Enumerable.Range(1, 100).Select(i => new TestRecord($"ACC-{i:D3}", i, i + 1)).ToArray();
        await batcher.AddAsync(Chunk("a.csv", records[..60]), default);
        await batcher.AddAsync(Chunk("a.csv", records[60..]), default);

        var files = await batcher.CompleteAsync(default);

        Assert.True(files.Count > 5);
        Assert.All(files, f =>
        {
            Assert.True(new FileInfo(f.Path).Length <= 1024);
            Assert.Equal(new FileInfo(f.Path).Length, f.Bytes);
            Assert.Equal(File.ReadAllLines(f.Path).Length, f.RecordCount);
            Assert.Equal(CrmObjectType.Account, f.ObjectType);
            Assert.False(f.HoldsLaterVersions);
        });
        Assert.Equal(Enumerable.Range(0, files.Count), files.Select(f => f.Sequence));
        Assert.Equal(records.Select(r => r.Id), files.SelectMany(ReadLines).Select(l => l.Id));
        Assert.All(files, f => Assert.EndsWith(".ldjson", f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_FilesWrittenAheadThenAnOlderVersionArrives_FirstFileRewrittenNoStaleFiles()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, Options(maxFileBytes: 1024, sortBufferBytes: 4096));
        var records = Enumerable.Range(1, 60).Select(i => new TestRecord($"ACC-{i:D3}", 100 - i, i + 1)).ToList();
        await batcher.AddAsync(Chunk("a.csv", [.. records]), default);
        var writtenAhead = await batcher.FilesWrittenAheadAsync();
        Assert.NotEmpty(writtenAhead);
        Assert.All(writtenAhead, f => Assert.True(File.Exists(f.Path)));
        await batcher.AddAsync(Chunk("a.csv", new TestRecord("ACC-001", 1, 62)), default);

        var files = await batcher.CompleteAsync(default);

        // ACC-001 (minute 99, line 2) is now a later version: it leaves the first file for a file of its own, last.
        Assert.DoesNotContain(files.Take(files.Count - 1).SelectMany(ReadLines), l => l.Line == 2);
        Assert.Equal([("ACC-001", 99, 2L)], ReadLines(files[^1]));
        Assert.True(files[^1].HoldsLaterVersions);
        Assert.Contains(ReadLines(files[^2]), l => l.Line == 62);
        Assert.Equal(Enumerable.Range(0, files.Count), files.Select(f => f.Sequence));
        Assert.Equal(files.Count * 2, Directory.GetFiles(_work).Length);
        Assert.Equal(61, files.Sum(f => f.RecordCount));
    }

    [Fact]
    public async Task Complete_FilesWrittenAheadNoRepeatedIds_EveryFileSortedAndComplete()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, Options(maxFileBytes: 2048, sortBufferBytes: 4096));
        var random = new Random(3);
        var records = Enumerable.Range(1, 400).Select(i => new TestRecord($"ACC-{i:D3}", random.Next(0, 1000), i + 1)).ToArray();
        foreach (var part in records.Chunk(37))
        {
            await batcher.AddAsync(Chunk("a.csv", part), default);
        }

        Assert.NotEmpty(await batcher.FilesWrittenAheadAsync());
        var files = await batcher.CompleteAsync(default);

        Assert.True(files.Count > 10);
        var seen = 0;
        foreach (var file in files)
        {
            var expected = records.Skip(seen).Take(file.RecordCount).Select((r, i) => (r, i)).OrderBy(x => x.r.Minute).ThenBy(x => x.i);
            Assert.Equal(expected.Select(x => (x.r.Id, x.r.Minute, x.r.Line)), ReadLines(file));
            seen += file.RecordCount;
        }

        Assert.Equal(records.Length, seen);
        Assert.Equal(Enumerable.Range(0, files.Count), files.Select(f => f.Sequence));
    }

    [Fact]
    public async Task AddAsync_ManyFilesWrittenAhead_SortSpaceOnDiskStaysAboutTwoFiles()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, Options(maxFileBytes: 2048, sortBufferBytes: 4096));
        var records = Enumerable.Range(1, 2000).Select(i => new TestRecord($"ACC-{i:D4}", (i * 7919) % 1000, i + 1)).ToArray();
        foreach (var part in records.Chunk(50))
        {
            await batcher.AddAsync(Chunk("a.csv", part), default);
        }

        // ~80 groups of records went through the sort files; written ahead, each group's space is reused two groups later.
        var sortFiles = Directory.GetFiles(_work, "*.runs.tmp*");
        Assert.InRange(sortFiles.Sum(f => new FileInfo(f).Length), 1, 4 * 2 * 2048);

        var files = await batcher.CompleteAsync(default);
        Assert.True(files.Count > 50);
        Assert.Equal(records.Select(r => r.Id).Order(), files.SelectMany(ReadLines).Select(l => l.Id).Order());
    }

    [Fact]
    public async Task DisposeAsync_FilesWrittenAheadNotCompleted_NoFileLeftAndSecondDisposeHarmless()
    {
        var batcher = new LdjsonBatcher(CrmObjectType.Account, Options(maxFileBytes: 1024, sortBufferBytes: 4096));
        await batcher.AddAsync(Chunk("a.csv", [.. Enumerable.Range(1, 60).Select(i => new TestRecord($"ACC-{i:D3}", i, i + 1))]), default);
        Assert.NotEmpty(await batcher.FilesWrittenAheadAsync());
        Assert.NotEmpty(Directory.GetFiles(_work, "*.ldjson"));

        await batcher.DisposeAsync();
        await batcher.DisposeAsync();

        Assert.Empty(Directory.GetFiles(_work));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await batcher.AddAsync(Chunk("a.csv", new TestRecord("B", 1, 2)), default));
    }

    [Fact]
    public async Task Complete_UnsortedRecords_SortedByModifiedDateInsideFileTiesKeepArrival()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, Options());
        await batcher.AddAsync(Chunk("a.csv", new("C", 30, 2), new("A", 10, 3), new("D", 20, 4)), default);
        await batcher.AddAsync(Chunk("a.csv", new("B", 10, 5), new("E", 5, 6)), default);

        var file = Assert.Single(await batcher.CompleteAsync(default));

        Assert.Equal(["E", "A", "B", "D", "C"], ReadLines(file).Select(l => l.Id));
    }

    [Fact]
    public async Task Complete_SortBufferSmallerThanFile_MergesSortedRunsInOrder()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Contact, Options(sortBufferBytes: 4096));
        var random = new Random(42);
        var records = Enumerable.Range(1, 3000).Select(i => new TestRecord($"C{i}", random.Next(0, 500), i + 1)).ToArray();
        foreach (var part in records.Chunk(700))
        {
            await batcher.AddAsync(Chunk(CrmObjectType.Contact, "c.csv", part), default);
        }

        var file = Assert.Single(await batcher.CompleteAsync(default));

        var expected = records.Select((r, i) => (r, i)).OrderBy(x => x.r.Minute).ThenBy(x => x.i).Select(x => x.r.Id);
        Assert.Equal(expected, ReadLines(file).Select(l => l.Id));
        Assert.StartsWith("contact-", Path.GetFileName(file.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_SeveralVersionsOfAnObject_SuccessiveFilesOldestFirst()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, Options());
        await batcher.AddAsync(Chunk("a.csv", new("A", 30, 2), new("B", 10, 3), new("A", 10, 4)), default);
        await batcher.AddAsync(Chunk("a.csv", new("A", 20, 5), new("C", 5, 6)), default);

        var files = await batcher.CompleteAsync(default);

        Assert.Equal(3, files.Count);
        Assert.Equal([("C", 5, 6L), ("B", 10, 3L), ("A", 10, 4L)], ReadLines(files[0]));
        Assert.Equal([("A", 20, 5L)], ReadLines(files[1]));
        Assert.Equal([("A", 30, 2L)], ReadLines(files[2]));
        Assert.Equal([false, true, true], files.Select(f => f.HoldsLaterVersions));
        Assert.Equal([0, 1, 2], files.Select(f => f.Sequence));
    }

    [Fact]
    public async Task Complete_ManyObjectsWithManyVersions_EachIdOncePerFileAndVersionsInOrder()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Deal, Options(maxFileBytes: 64 * 1024, sortBufferBytes: 16 * 1024));
        var random = new Random(7);
        var records = Enumerable.Range(0, 20_000)
            .Select(i => new TestRecord($"D{random.Next(0, 6000)}", random.Next(0, 100_000), i + 2)).ToArray();
        foreach (var part in records.Chunk(4096))
        {
            await batcher.AddAsync(Chunk(CrmObjectType.Deal, "d.csv", part), default);
        }

        var files = await batcher.CompleteAsync(default);

        var seenAt = new Dictionary<string, (int Minute, long Line)>();
        foreach (var file in files)
        {
            var lines = ReadLines(file);
            Assert.Equal(lines.Count, lines.Select(l => l.Id).Distinct().Count());
            Assert.Equal(lines.OrderBy(l => l.Minute).Select(l => l.Minute), lines.Select(l => l.Minute));
            Assert.True(file.Bytes <= 64 * 1024);
            foreach (var (id, minute, line) in lines)
            {
                if (seenAt.TryGetValue(id, out var previous))
                {
                    Assert.True(minute > previous.Minute || (minute == previous.Minute && line > previous.Line));
                }

                seenAt[id] = (minute, line);
            }
        }

        // Versions identical apart from modifiedDate (or with the same one) are merged into the newest (SPEC).
        Assert.Equal(20_000, files.Sum(f => f.RecordCount) + batcher.Merged);
        var newest = records.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Max(r => (r.Minute, r.Line)));
        Assert.All(newest, kv => Assert.Equal(kv.Value, seenAt[kv.Key]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Complete_FilesWrittenAheadFromTwoSources_WrittenAgainWithEveryOriginAndLaterVersionsMovedLast(bool olderVersionLast)
    {
        // A second source makes CompleteAsync write the files written ahead again (read back from disk); with an older
        // version of the first record arriving last, that first record also moves to a file of later versions.
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, Options(maxFileBytes: 1024, sortBufferBytes: 4096));
        var first = Enumerable.Range(1, 40).Select(i => new TestRecord($"ACC-{i:D3}", 100 + i, i + 1)).ToArray();
        var second = Enumerable.Range(41, 40).Select(i => new TestRecord($"ACC-{i:D3}", 100 + i, i + 1)).ToArray();
        await batcher.AddAsync(Chunk("/data/a.csv", first), default);
        Assert.NotEmpty(await batcher.FilesWrittenAheadAsync());
        await batcher.AddAsync(Chunk("/data/b.csv", second), default);
        if (olderVersionLast)
        {
            await batcher.AddAsync(Chunk("/data/b.csv", new TestRecord("ACC-001", 1, 99)), default);
        }

        var files = await batcher.CompleteAsync(default);

        var origins = files.SelectMany(f =>
        {
            using var map = BatchLineMap.Open(f.LineMapPath);
            return map.All().ToList();
        }).ToList();
        var expected = first.Select(r => new BatchLineOrigin("/data/a.csv", r.Line, r.Id))
            .Concat(second.Select(r => new BatchLineOrigin("/data/b.csv", r.Line, r.Id)))
            .ToList();
        if (olderVersionLast)
        {
            // ACC-001 at minute 1 (b.csv line 99) is now the oldest version: it stays, the one from a.csv line 2 moves last.
            expected.RemoveAt(0);
            expected.Add(new BatchLineOrigin("/data/b.csv", 99, "ACC-001"));
            expected.Add(new BatchLineOrigin("/data/a.csv", 2, "ACC-001"));
            Assert.True(files[^1].HoldsLaterVersions);
            Assert.Equal([("ACC-001", 101, 2L)], ReadLines(files[^1]));
        }

        Assert.Equal(expected.OrderBy(o => (o.Source, o.Line)), origins.OrderBy(o => (o.Source, o.Line)));
        Assert.Equal(expected.Count, files.Sum(f => f.RecordCount));
        Assert.Equal(Enumerable.Range(0, files.Count), files.Select(f => f.Sequence));
        Assert.Equal(files.Count * 2, Directory.GetFiles(_work).Length);
        Assert.All(files, f => Assert.Equal(File.ReadAllLines(f.Path).Length, f.RecordCount));
    }

    [Fact]
    public async Task Complete_LineMapOfTensOfThousandsOfLines_ResolvesLinesInEveryIndexBlock()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Account, Options(maxFileBytes: 100_000_000));
        var records = Enumerable.Range(0, 40_000).Select(i => new TestRecord($"ACC-{i:D5}", i, i + 2)).ToArray();
        foreach (var part in records.Chunk(4096))
        {
            await batcher.AddAsync(Chunk("a.csv", part), default);
        }

        var file = Assert.Single(await batcher.CompleteAsync(default));
        using var map = BatchLineMap.Open(file.LineMapPath);

        Assert.Equal(40_000, map.Count);
        foreach (var line in (int[])[1, 16_384, 16_385, 32_768, 32_769, 40_000])
        {
            Assert.Equal(new BatchLineOrigin("a.csv", line + 1, $"ACC-{line - 1:D5}"), map.Resolve(line));
        }

        Assert.Equal(records.Select(r => new BatchLineOrigin("a.csv", r.Line, r.Id)), map.All());
    }

    [Fact]
    public async Task Complete_LineMap_ResolvesEveryLineToSourceLineAndObjectId()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Lead, Options());
        await batcher.AddAsync(Chunk(CrmObjectType.Lead, "/data/leads-1.csv", [new("L1", 20, 2), new("L2", 10, 3)]), default);
        await batcher.AddAsync(Chunk(CrmObjectType.Lead, "/data/leads-2.jsonl", [new("Łukasz@x.example", 15, 7)]), default);

        var file = Assert.Single(await batcher.CompleteAsync(default));
        using var map = BatchLineMap.Open(file.LineMapPath);

        BatchLineOrigin[] expected =
        [
            new("/data/leads-1.csv", 3, "L2"),
            new("/data/leads-2.jsonl", 7, "Łukasz@x.example"),
            new("/data/leads-1.csv", 2, "L1"),
        ];
        Assert.Equal(3, map.Count);
        Assert.Equal(expected, map.All());
        Assert.Equal(expected[1], map.Resolve(2));
        Assert.Equal(expected[2], map.Resolve(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Resolve(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Resolve(0));
    }

    [Fact]
    public async Task Complete_TemporaryFilesRemoved_OnlyFilesAndLineMapsLeft()
    {
        await using (var batcher = new LdjsonBatcher(CrmObjectType.Account, Options(sortBufferBytes: 4096)))
        {
            await batcher.AddAsync(Chunk("a.csv", [.. Enumerable.Range(1, 200).Select(i => new TestRecord($"A{i % 50}", i, i))]), default);
            await batcher.CompleteAsync(default);
        }

        Assert.NotEmpty(Directory.GetFiles(_work, "*.ldjson"));
        Assert.All(Directory.GetFiles(_work), f => Assert.True(f.EndsWith(".ldjson", StringComparison.Ordinal) || f.EndsWith(".linemap", StringComparison.Ordinal), f));
    }

    [Fact]
    public async Task Complete_NoRecords_NoFiles()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Stage, Options());
        await batcher.AddAsync(Chunk(CrmObjectType.Stage, "s.csv", []), default);

        Assert.Empty(await batcher.CompleteAsync(default));
    }

    [Fact]
    public async Task AddAsync_OtherObjectType_Throws()
    {
        await using var batcher = new LdjsonBatcher(CrmObjectType.Stage, Options());

        await Assert.ThrowsAsync<ArgumentException>(async () => await batcher.AddAsync(Chunk("a.csv", new TestRecord("A", 1, 2)), default));
    }

    [Fact]
    public void Options_Defaults_LeaveRoomForMultipartOverhead()
    {
        var options = new BatchingOptions { WorkDirectory = _work };

        Assert.Equal((200L * 1024 * 1024) - (16 * 1024), options.MaxFileBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => (options with { MaxFileBytes = 10 }).Validate());
    }
}
