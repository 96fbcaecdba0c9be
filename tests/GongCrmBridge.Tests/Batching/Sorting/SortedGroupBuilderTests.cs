using GongCrmBridge.Batching.Sorting;

namespace GongCrmBridge.Tests.Batching.Sorting;

public sealed class SortedGroupBuilderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gongbridge-sort-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Merge_GroupOfManyRuns_StreamsEveryRecordByTicksThenArrival()
    {
        // Given 2,000 records with few distinct ticks, spilled as runs of about 50 (a 4 KiB buffer, two halves)
        using var builder = new SortedGroupBuilder(Path.Combine(_folder.FullName, "runs.tmp"), maxFileBytes: long.MaxValue, sortBufferBytes: 4096);
        var random = new Random(11);
        var ticks = Enumerable.Range(0, 2000).Select(_ => (long)random.Next(0, 300)).ToArray();
        for (var seq = 0; seq < ticks.Length; seq++)
        {
            builder.Add(new SpillRecord(ticks[seq], seq, line: seq + 2, source: 0, "id"u8, "{}"u8));
        }

        builder.Finish();

        // When the group is merged
        var group = Assert.Single(builder.Groups);
        var merged = new List<(long Ticks, long Seq, long Line)>();
        builder.Merge(group, (in SpillRecord r) => merged.Add((r.Ticks, r.Seq, r.Line)));

        // Then every record comes out once, by ticks, ties in arrival order
        Assert.True(group.Runs.Count > 10);
        var expected = ticks.Select((t, i) => (Ticks: t, Seq: (long)i, Line: i + 2L)).OrderBy(x => x.Ticks).ThenBy(x => x.Seq);
        Assert.Equal(expected, merged);
    }

    [Fact]
    public void Add_MoreThanAFileOfJson_ClosesGroupsUnderTheLimitAndCallsGroupClosed()
    {
        // Given groups of at most 100 JSON bytes (lines of 10 bytes with their line break)
        var closed = new List<RecordGroup>();
        using var builder = new SortedGroupBuilder(Path.Combine(_folder.FullName, "runs.tmp"), maxFileBytes: 100, sortBufferBytes: 4096)
        {
            GroupClosed = group =>
            {
                closed.Add(group);
                return Task.CompletedTask;
            },
        };

        // When 25 records are added
        for (var seq = 0; seq < 25; seq++)
        {
            builder.Add(new SpillRecord(seq, seq, line: seq + 2, source: 0, "id"u8, "{\"a\":123}"u8));
        }

        builder.Finish();

        // Then two full groups were closed while adding, and the last one by Finish
        Assert.Equal([10, 10, 5], builder.Groups.Select(g => g.Count));
        Assert.Equal(builder.Groups.Take(2), closed);
        Assert.All(builder.Groups, g => Assert.True(g.JsonBytes <= 100));
    }
}
