using GongCrmBridge.Batching.Sorting;

namespace GongCrmBridge.Tests.Batching.Sorting;

public sealed class RunSortTests
{
    public static TheoryData<string, int> Inputs => new()
    {
        { "random", 50_000 },
        { "few distinct ticks", 50_000 },
        { "sorted", 10_000 },
        { "reversed", 10_000 },
        { "all ties", 10_000 },
        { "random", 17 },
        { "random", 3 },
        { "random", 1 },
        { "random", 0 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Sort_AnyInput_OrdersByTicksThenArrival(string shape, int count)
    {
        var random = new Random(count);
        var entries = Enumerable.Range(0, count)
            .Select(i => new RunEntry(new SortKey(Ticks(shape, i, count, random), Seq: i), Offset: i * 10, Length: 10))
            .ToArray();
        var expected = entries.OrderBy(e => e.Key.Ticks).ThenBy(e => e.Key.Seq).ToArray();

        RunSort.Sort(entries);

        Assert.Equal(expected, entries);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void IntroSort_DepthLimitReached_FinishesWithHeapSort(int depthLimit)
    {
        var random = new Random(depthLimit);
        var entries = Enumerable.Range(0, 5_000)
            .Select(i => new RunEntry(new SortKey(random.Next(0, 100), Seq: i), Offset: 0, Length: 1))
            .ToArray();
        var expected = entries.OrderBy(e => e.Key.Ticks).ThenBy(e => e.Key.Seq).ToArray();

        RunSort.IntroSort(entries, depthLimit);

        Assert.Equal(expected, entries);
    }

    private static long Ticks(string shape, int i, int count, Random random) => shape switch
    {
        "random" => random.NextInt64(0, long.MaxValue),
        "few distinct ticks" => random.Next(0, 8) * TimeSpan.TicksPerDay,
        "sorted" => i,
        "reversed" => count - i,
        _ => 42,
    };
}
