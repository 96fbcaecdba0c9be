using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Tests.Batching;

public sealed class BatchFileRewriterTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gcb-rewrite-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutLines_DropsLinesAndKeepsOriginsOfTheRest()
    {
        BatchFile original;
        await using (var batcher = new LdjsonBatcher(CrmObjectType.Account, new BatchingOptions { WorkDirectory = _work }))
        {
            await batcher.AddAsync(LdjsonBatcherTests.Chunk("/x/a.csv", [.. Enumerable.Range(1, 6).Select(i => new LdjsonBatcherTests.TestRecord($"A{i}", i, i + 1))]), default);
            original = Assert.Single(await batcher.CompleteAsync(default));
        }

        var newPath = Path.Combine(_work, "retry", "account-0001-retry.ldjson");
        var rewritten = await BatchFileRewriter.WithoutLinesAsync(original, new HashSet<int> { 2, 5 }, newPath, default);

        Assert.Equal(newPath, rewritten.Path);
        Assert.Equal(4, rewritten.RecordCount);
        Assert.Equal(new FileInfo(newPath).Length, rewritten.Bytes);
        Assert.Equal((original.ObjectType, original.Sequence, original.HoldsLaterVersions), (rewritten.ObjectType, rewritten.Sequence, rewritten.HoldsLaterVersions));
        var originalLines = await File.ReadAllLinesAsync(original.Path);
        Assert.Equal([originalLines[0], originalLines[2], originalLines[3], originalLines[5]], await File.ReadAllLinesAsync(newPath));
        using var map = BatchLineMap.Open(rewritten.LineMapPath);
        Assert.Equal(
            [new("/x/a.csv", 2, "A1"), new("/x/a.csv", 4, "A3"), new("/x/a.csv", 5, "A4"), new BatchLineOrigin("/x/a.csv", 7, "A6")],
            map.All());
        Assert.Equal(new BatchLineOrigin("/x/a.csv", 5, "A4"), map.Resolve(3));
        Assert.True(File.Exists(original.Path));
    }

    [Fact]
    public async Task WithoutLines_SamePathAsOriginal_Throws()
    {
        var file = new BatchFile(CrmObjectType.Account, Path.Combine(_work, "a.ldjson"), 0, 0, 0, false, Path.Combine(_work, "a.linemap"));

        await Assert.ThrowsAsync<ArgumentException>(() => BatchFileRewriter.WithoutLinesAsync(file, new HashSet<int>(), file.Path, default));
    }
}
