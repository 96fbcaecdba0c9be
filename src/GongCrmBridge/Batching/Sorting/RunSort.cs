namespace GongCrmBridge.Batching.Sorting;

/// <summary>
/// Sorts run entries by (ticks, arrival): an introsort (quicksort with a median-of-three pivot, insertion sort for
/// small ranges, heapsort past a depth limit) with the comparison written inline.
/// </summary>
/// <remarks>
/// <see cref="MemoryExtensions.Sort{T}(Span{T})"/> compares through <see cref="IComparable{T}"/> directly when the JIT
/// compiles it, but a natively compiled (Native AOT) build sorts through <see cref="Comparer{T}.Default"/>, an
/// interface call per comparison: sorting the runs then took 6% of a dry run's CPU instead of 2%. This sort is as
/// fast under both.
/// </remarks>
internal static class RunSort
{
    private const int InsertionSortLimit = 16;

    public static void Sort(Span<RunEntry> entries)
    {
        if (entries.Length > 1)
        {
            IntroSort(entries, 2 * (int.Log2(entries.Length) + 1));
        }
    }

    /// <summary>Sorts with quicksort down to <paramref name="depthLimit"/> levels, heapsort below (tests reach the
    /// heapsort through a small limit).</summary>
    internal static void IntroSort(Span<RunEntry> entries, int depthLimit)
    {
        while (entries.Length > InsertionSortLimit)
        {
            if (depthLimit-- == 0)
            {
                HeapSort(entries);
                return;
            }

            var pivot = Partition(entries);
            IntroSort(entries[(pivot + 1)..], depthLimit);
            entries = entries[..pivot];
        }

        InsertionSort(entries);
    }

    /// <summary>Partitions around the median of the first, middle and last entries; returns the pivot's index.</summary>
    private static int Partition(Span<RunEntry> entries)
    {
        var last = entries.Length - 1;
        var middle = last / 2;
        SwapIfGreater(entries, 0, middle);
        SwapIfGreater(entries, 0, last);
        SwapIfGreater(entries, middle, last);

        // The median goes next to the end; the first and last entries bound the scans below.
        var pivotIndex = last - 1;
        (entries[middle], entries[pivotIndex]) = (entries[pivotIndex], entries[middle]);
        var pivot = entries[pivotIndex];
        int left = 0, right = pivotIndex;
        while (left < right)
        {
            while (entries[++left].Precedes(pivot))
            {
            }

            while (pivot.Precedes(entries[--right]))
            {
            }

            if (left >= right)
            {
                break;
            }

            (entries[left], entries[right]) = (entries[right], entries[left]);
        }

        if (left != pivotIndex)
        {
            (entries[left], entries[pivotIndex]) = (entries[pivotIndex], entries[left]);
        }

        return left;
    }

    private static void SwapIfGreater(Span<RunEntry> entries, int i, int j)
    {
        if (entries[j].Precedes(entries[i]))
        {
            (entries[i], entries[j]) = (entries[j], entries[i]);
        }
    }

    private static void InsertionSort(Span<RunEntry> entries)
    {
        for (var i = 1; i < entries.Length; i++)
        {
            var item = entries[i];
            var j = i - 1;
            while (j >= 0 && item.Precedes(entries[j]))
            {
                entries[j + 1] = entries[j];
                j--;
            }

            entries[j + 1] = item;
        }
    }

    private static void HeapSort(Span<RunEntry> entries)
    {
        for (var i = (entries.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(entries, i, entries.Length);
        }

        for (var end = entries.Length - 1; end > 0; end--)
        {
            (entries[0], entries[end]) = (entries[end], entries[0]);
            SiftDown(entries, 0, end);
        }
    }

    private static void SiftDown(Span<RunEntry> entries, int index, int count)
    {
        var item = entries[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && entries[child].Precedes(entries[child + 1]))
            {
                child++;
            }

            if (!item.Precedes(entries[child]))
            {
                break;
            }

            entries[index] = entries[child];
            index = child;
        }

        entries[index] = item;
    }
}
