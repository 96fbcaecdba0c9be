using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching.Sorting;

/// <summary>Merges sorted runs of one run file into one stream of records sorted by (modifiedDate, arrival).</summary>
internal static class RunMerge
{
    /// <summary>Streams the records of <paramref name="runs"/> to <paramref name="handler"/> in sorted order, each run
    /// read through its own pooled buffer.</summary>
    public static void Merge(SafeFileHandle handle, IReadOnlyList<SortedRun> runs, SpillRecordHandler handler)
    {
        // A binary min-heap of the readers that still have records, ordered by their current (ticks, seq).
        var heap = new RunReader[runs.Count];
        var readers = new List<RunReader>(runs.Count);
        try
        {
            MergeRuns(runs, handle, heap, readers, handler);
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.ReturnBuffer();
            }
        }
    }

    private static void MergeRuns(IReadOnlyList<SortedRun> runs, SafeFileHandle handle, RunReader[] heap, List<RunReader> readers, SpillRecordHandler handler)
    {
        var count = 0;
        foreach (var run in runs)
        {
            var reader = new RunReader(handle, run, runs.Count == 1 ? 1024 * 1024 : 128 * 1024);
            readers.Add(reader);
            if (reader.MoveNext())
            {
                heap[count++] = reader;
            }
        }

        for (var i = (count / 2) - 1; i >= 0; i--)
        {
            SiftDown(heap, i, count);
        }

        while (count > 0)
        {
            var reader = heap[0];
            handler(reader.Current);
            if (!reader.MoveNext())
            {
                heap[0] = heap[--count];
            }

            SiftDown(heap, 0, count);
        }
    }

    private static void SiftDown(RunReader[] heap, int index, int count)
    {
        var item = heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1].Precedes(heap[child]))
            {
                child++;
            }

            if (!heap[child].Precedes(item))
            {
                break;
            }

            heap[index] = heap[child];
            index = child;
        }

        heap[index] = item;
    }
}
