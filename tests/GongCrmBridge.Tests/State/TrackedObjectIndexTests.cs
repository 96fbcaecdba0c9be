using GongCrmBridge.State;
using Entry = GongCrmBridge.State.TrackedObjectIndex.Entry;

namespace GongCrmBridge.Tests.State;

/// <summary>The flat in-memory index: every key found, absent keys not, shared keys on the safe side.</summary>
public sealed class TrackedObjectIndexTests
{
    [Fact]
    public void Check_ManyRandomKeys_FindsEveryOneAndNoOther()
    {
        // Given 100,000 tracked objects with random keys (keys are hashes: uniform)
        var random = new Random(11);
        var entries = Enumerable.Range(0, 100_000).Select(i => new Entry((ulong)random.NextInt64() ^ ((ulong)random.Next() << 63), (ulong)i)).ToArray();
        var expected = entries.ToDictionary(e => e.Key, e => e.ContentHash);
        var index = TrackedObjectIndex.Build(entries);

        // When each is looked up with its hash and with another, and unknown keys are looked up
        // Then each is unchanged with its own hash, changed with another, and unknown keys are new
        foreach (var (key, hash) in expected)
        {
            Assert.Equal(TrackedLookup.Unchanged, index.Check(key, hash));
            Assert.Equal(TrackedLookup.Changed, index.Check(key, hash + 1));
        }

        for (var i = 0; i < 10_000; i++)
        {
            var unknown = (ulong)random.NextInt64();
            Assert.Equal(expected.ContainsKey(unknown) ? TrackedLookup.Unchanged : TrackedLookup.New, index.Check(unknown, expected.GetValueOrDefault(unknown)));
        }

        Assert.Equal(100_000, index.SeenCount);
    }

    [Fact]
    public void Check_ExtremeKeys_AreFound()
    {
        var index = TrackedObjectIndex.Build([new Entry(0, 1), new Entry(ulong.MaxValue, 2), new Entry(1UL << 63, 3)]);
        Assert.Equal(TrackedLookup.Unchanged, index.Check(0, 1));
        Assert.Equal(TrackedLookup.Unchanged, index.Check(ulong.MaxValue, 2));
        Assert.Equal(TrackedLookup.Unchanged, index.Check(1UL << 63, 3));
        Assert.Equal(TrackedLookup.New, index.Check((1UL << 63) - 1, 3));
    }

    [Fact]
    public void Check_EmptyIndex_EverythingIsNew()
    {
        Assert.Equal(TrackedLookup.New, TrackedObjectIndex.Empty.Check(42, 42));
        Assert.False(TrackedObjectIndex.Empty.WasSeen(42));
        Assert.Equal(0, TrackedObjectIndex.Empty.SeenCount);
    }

    [Fact]
    public void WasSeen_TwoObjectsSharingAKey_NeitherIsDeletedWhenOneIsSeen()
    {
        // Given two tracked objects whose objectIds share a key (hash collision)
        var index = TrackedObjectIndex.Build([new Entry(7, 100), new Entry(7, 200), new Entry(9, 300)]);

        // When the export holds the second one, unchanged
        var lookup = index.Check(7, 200);

        // Then it is sent again (a wasted send, not a missed change), and the key counts as seen for both
        Assert.Equal(TrackedLookup.Changed, lookup);
        Assert.True(index.WasSeen(7));
        Assert.False(index.WasSeen(9));
    }
}
