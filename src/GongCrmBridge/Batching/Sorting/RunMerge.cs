using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching.Sorting;

/// <summary>Merges sorted runs of one run file into one stream of records sorted by (modifiedDate, arrival).</summary>
internal static class RunMerge
{
    /// <summary>Streams the records of <paramref name="runs"/> to <paramref name="handler"/> in sorted order, each run
    /// read through its own pooled buffer.</summary>
    public static void Merge(SafeFileHandle handle, IReadOnlyList<SortedRun> runs, SpillRecordHandler handler)
    {
        // The readers that still have records, by their current record's key: the smallest is the next record out.
        var queue = new PriorityQueue<RunReader, SortKey>(runs.Count);
        var readers = new List<RunReader>(runs.Count);
        try
        {
            var bufferSize = runs.Count == 1 ? 1024 * 1024 : 128 * 1024;
            foreach (var run in runs)
            {
                var reader = new RunReader(handle, run, bufferSize);
                readers.Add(reader);
                if (reader.MoveNext())
                {
                    queue.Enqueue(reader, reader.Key);
                }
            }

            while (queue.TryPeek(out var reader, out _))
            {
                handler(reader.Current);
                if (reader.MoveNext())
                {
                    queue.DequeueEnqueue(reader, reader.Key);
                }
                else
                {
                    queue.Dequeue();
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.ReturnBuffer();
            }
        }
    }
}
