using GongCrmBridge.Batching.Versions;
using static GongCrmBridge.Tests.Batching.LdjsonBatcherTests;

namespace GongCrmBridge.Tests.Batching.Versions;

public sealed class LaterVersionFinderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gongbridge-versions-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Find_NoObjectIdTwice_ReturnsNull()
    {
        using var finder = new LaterVersionFinder(Path.Combine(_folder.FullName, "keys.tmp"));
        finder.Add(Chunk("a.csv", [.. Enumerable.Range(1, 5000).Select(i => new TestRecord($"A{i}", i, i + 1))]), source: 0);

        Assert.Null(finder.Find());
    }

    [Fact]
    public void Find_ObjectIdThreeTimes_LaterVersionsOrderedByModifiedDateThenArrival()
    {
        // Given A at minute 30 (a.csv line 2), at 10 (a.csv line 4) and at 10 again (b.csv line 7), arriving in that order
        using var finder = new LaterVersionFinder(Path.Combine(_folder.FullName, "keys.tmp"));
        finder.Add(Chunk("a.csv", new("A", 30, 2), new("B", 5, 3), new("A", 10, 4)), source: 0);
        finder.Add(Chunk("b.csv", new("A", 10, 7), new("C", 1, 8)), source: 1);

        // When the later versions are looked for
        var later = finder.Find();

        // Then the two of minute 10 are one version (SPEC: the later line wins, the earlier is merged, generation 0);
        // a.csv line 2 is the second version
        Assert.NotNull(later);
        Assert.Equal(
            new Dictionary<(int Source, long Line), LaterVersion>
            {
                [(0, 4)] = new(Generation: 0, Epoch.AddMinutes(10).Ticks, Seq: 2),
                [(0, 2)] = new(Generation: 1, Epoch.AddMinutes(30).Ticks, Seq: 0),
            },
            later);
        Assert.Equal(1, finder.Merged);
    }

    [Fact]
    public void Dispose_AfterRecords_KeysFileDeleted()
    {
        var finder = new LaterVersionFinder(Path.Combine(_folder.FullName, "keys.tmp"));
        finder.Add(Chunk("a.csv", new TestRecord("A", 1, 2)), source: 0);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "keys.tmp")));

        finder.Dispose();

        Assert.Empty(_folder.GetFiles());
    }
}
