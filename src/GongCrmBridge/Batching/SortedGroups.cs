using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching;

/// <summary>A byte range of a run file holding records sorted by (modifiedDate, arrival).</summary>
internal readonly record struct SortedRun(long Offset, long Length);

/// <summary>The records of one future LDJSON file: sorted runs to merge, and the JSON bytes they add up to.</summary>
internal sealed class RecordGroup
{
    public List<SortedRun> Runs { get; } = [];

    /// <summary>Gets or sets which of the builder's run files holds <see cref="Runs"/>.</summary>
    public int RunFile { get; set; }

    /// <summary>Gets or sets what completes once the runs have been read for the last time (their space may then be
    /// written over); <see langword="null"/> while they are still needed.</summary>
    public Task? Released { get; set; }

    public int Count { get; set; }

    public long JsonBytes { get; set; }
}

/// <summary>
/// Collects records into size-bounded groups (one per future file), sorting them in a fixed memory buffer and
/// spilling each sorted buffer as a run to a temporary file; <see cref="Merge"/> streams a group back in order.
/// </summary>
/// <remarks>
/// <para>The sort memory is two halves: while one half is sorted and written on a background task, records fill the
/// other, so the caller (the pipeline's single consumer) does not wait for the disk.</para>
/// <para>When groups are merged as soon as they close (<see cref="GroupClosed"/>), their runs alternate between two
/// files, each written over from the start once the group before on it is released: the temporary space stays at about
/// two files' worth whatever the export's size, and writing over pages already in the page cache costs a fraction of
/// taking new ones. Otherwise every run is appended to one file, kept until the builder is disposed.</para>
/// </remarks>
internal sealed class SortedGroupBuilder : IDisposable
{
    private readonly string _runPath;
    private readonly long _maxFileBytes;
    private readonly int _sortBufferBytes;
    private readonly FileStream?[] _runFiles = new FileStream?[2];
    private readonly long[] _runEnds = new long[2];
    private readonly RecordGroup?[] _lastGroupOn = new RecordGroup?[2];
    private Func<RecordGroup, Task>? _groupClosed;
    private byte[] _buffer = new byte[4096];
    private int _used;
    private RunEntry[] _entries = new RunEntry[256];
    private int _entryCount;
    private byte[] _spareBuffer = [];
    private RunEntry[] _spareEntries = [];
    private Task _spilling = Task.CompletedTask;
    private RecordGroup _current = new();

    public SortedGroupBuilder(string runPath, long maxFileBytes, int sortBufferBytes)
    {
        _runPath = runPath;
        _maxFileBytes = maxFileBytes;
        _sortBufferBytes = Math.Max(1, sortBufferBytes / 2);
    }

    public List<RecordGroup> Groups { get; } = [];

    /// <summary>Gets or sets what is called when <see cref="Add"/> closes a full group: its runs are on disk then, and
    /// <see cref="Merge"/> may read them on another thread while records keep being added. The task returned completes
    /// when that merge is over, whether it succeeded or not; the group's run space is written over after it, so the
    /// group cannot be merged again.</summary>
    public Func<RecordGroup, Task>? GroupClosed
    {
        get => _groupClosed;
        set
        {
            if (Groups.Count > 0 || _current.Runs.Count > 0)
            {
                throw new InvalidOperationException("Set GroupClosed before adding records.");
            }

            _groupClosed = value;
        }
    }

    public void Add(in SpillRecord record)
    {
        var lineBytes = record.Json.Length + 1L;
        if (_current.Count > 0 && _current.JsonBytes + lineBytes > _maxFileBytes)
        {
            var closed = _current;
            CloseGroup();
            closed.Released = _groupClosed?.Invoke(closed);
        }

        var size = record.Size;
        if (_used > 0 && _used + size > _sortBufferBytes)
        {
            SpillRun();
        }

        if (_used + size > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(Math.Min(Math.Max(4096, _buffer.Length * 2), _sortBufferBytes), _used + size));
        }

        if (_entryCount == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(256, _entries.Length * 2));
        }

        record.WriteTo(_buffer.AsSpan(_used));
        _entries[_entryCount++] = new RunEntry(new SortKey(record.Ticks, record.Seq), _used, size);
        _used += size;
        _current.Count++;
        _current.JsonBytes += lineBytes;
    }

    /// <summary>Spills what is buffered and closes the last group; call before <see cref="Merge"/>.</summary>
    public void Finish()
    {
        if (_current.Count > 0)
        {
            CloseGroup();
        }

        WaitForSpill();
        foreach (var runs in _runFiles)
        {
            runs?.Flush();
        }
    }

    /// <summary>Streams the records of <paramref name="group"/> to <paramref name="handler"/> sorted by (ticks, arrival).
    /// Thread-safe for closed groups: each merge reads through its own handle.</summary>
    public void Merge(RecordGroup group, SpillRecordHandler handler)
    {
        if (group.Runs.Count == 0)
        {
            return;
        }

        using var handle = File.OpenHandle(RunPath(group.RunFile), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        // A binary min-heap of the readers that still have records, ordered by their current (ticks, seq).
        var heap = new RunReader[group.Runs.Count];
        var readers = new List<RunReader>(group.Runs.Count);
        try
        {
            MergeRuns(group, handle, heap, readers, handler);
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.ReturnBuffer();
            }
        }
    }

    private static void MergeRuns(RecordGroup group, SafeFileHandle handle, RunReader[] heap, List<RunReader> readers, SpillRecordHandler handler)
    {
        var count = 0;
        foreach (var run in group.Runs)
        {
            var reader = new RunReader(handle, run, group.Runs.Count == 1 ? 1024 * 1024 : 128 * 1024);
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

    public void Dispose()
    {
        try
        {
            WaitForSpill();
        }
        catch (Exception) when (_spilling.IsCompleted)
        {
            // The spill's failure was reported by Add or Finish, or nobody needs the runs any more.
        }

        for (var file = 0; file < _runFiles.Length; file++)
        {
            if (_runFiles[file] is { } runs)
            {
                runs.Dispose();
                File.Delete(RunPath(file));
            }
        }
    }

    private void CloseGroup()
    {
        SpillRun();
        WaitForSpill(); // a closed group's runs are on disk: it may be merged at once
        Groups.Add(_current);
        _current = new RecordGroup();
    }

    /// <summary>Hands the filled half to a background task that sorts it and appends it to the run file, after waiting
    /// for the spill before (one at a time, so runs land in order and the other half is free again).</summary>
    private void SpillRun()
    {
        if (_entryCount == 0)
        {
            return;
        }

        WaitForSpill();
        if (_current.Runs.Count == 0)
        {
            StartGroupOnRunFile();
        }

        var file = _current.RunFile;
        var runs = _runFiles[file] ??= NewFile.Create(RunPath(file), FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1024 * 1024);
        var buffer = _buffer;
        var entries = _entries;
        var count = _entryCount;
        _current.Runs.Add(new SortedRun(_runEnds[file], _used));
        _runEnds[file] += _used;
        (_buffer, _spareBuffer) = (_spareBuffer, buffer);
        (_entries, _spareEntries) = (_spareEntries, entries);
        _used = 0;
        _entryCount = 0;
        _spilling = Task.Run(() =>
        {
            RunSort.Sort(entries.AsSpan(0, count));
            for (var i = 0; i < count; i++)
            {
                ref readonly var entry = ref entries[i];
                runs.Write(buffer, entry.Offset, entry.Length);
            }

            runs.Flush();
        });
    }

    private void WaitForSpill() => _spilling.GetAwaiter().GetResult();

    /// <summary>Picks the run file of the group starting now; with groups merged ahead, the file the group before last
    /// used, written over from the start once that group's merge is over.</summary>
    private void StartGroupOnRunFile()
    {
        if (_groupClosed is null)
        {
            return; // one file, appended to
        }

        var file = Groups.Count % _runFiles.Length;
        if (_lastGroupOn[file]?.Released is { } released)
        {
            // A failed merge is reported by whoever awaits it (LdjsonBatcher.CompleteAsync); here it only frees the space.
            ((IAsyncResult)released).AsyncWaitHandle.WaitOne();
            _runEnds[file] = 0;
            _runFiles[file]!.Position = 0;
        }

        _lastGroupOn[file] = _current;
        _current.RunFile = file;
    }

    private string RunPath(int file) => file == 0 ? _runPath : _runPath + "." + file.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads one sorted run sequentially through its own buffer.</summary>
    private sealed class RunReader
    {
        private readonly SafeFileHandle _handle;
        private readonly long _end;
        private long _position;
        private byte[] _buffer;
        private int _start;
        private int _length;
        private int _recordSize;

        public RunReader(SafeFileHandle handle, SortedRun run, int bufferSize)
        {
            _handle = handle;
            _position = run.Offset;
            _end = run.Offset + run.Length;
            _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(bufferSize);
        }

        public SortKey Key { get; private set; }

        public SpillRecord Current => SpillRecord.Read(_buffer.AsSpan(_start, _recordSize));

        public bool MoveNext()
        {
            _start += _recordSize;
            _length -= _recordSize;
            _recordSize = 0;
            if (!Ensure(SpillRecord.HeaderSize))
            {
                return false;
            }

            var size = SpillRecord.ReadSize(_buffer.AsSpan(_start, SpillRecord.HeaderSize));
            if (!Ensure(size))
            {
                throw new InvalidDataException("A temporary sort file is truncated.");
            }

            _recordSize = size;
            var record = Current;
            Key = new SortKey(record.Ticks, record.Seq);
            return true;
        }

        /// <summary>Gives the read buffer back to the pool (read buffers are large-object-heap sized, one per run of
        /// every merge); the reader must not be used after.</summary>
        public void ReturnBuffer()
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        /// <summary>Whether this reader's current record sorts before <paramref name="other"/>'s.</summary>
        public bool Precedes(RunReader other) => Key.Precedes(other.Key);

        private bool Ensure(int bytes)
        {
            if (_length >= bytes)
            {
                return true;
            }

            if (_position >= _end)
            {
                return false;
            }

            if (bytes > _buffer.Length)
            {
                var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(bytes, _buffer.Length * 2));
                _buffer.AsSpan(_start, _length).CopyTo(larger);
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
            else
            {
                _buffer.AsSpan(_start, _length).CopyTo(_buffer);
            }

            _start = 0;
            while (_length < bytes && _position < _end)
            {
                var toRead = (int)Math.Min(_buffer.Length - _length, _end - _position);
                var read = RandomAccess.Read(_handle, _buffer.AsSpan(_length, toRead), _position);
                if (read == 0)
                {
                    throw new InvalidDataException("A temporary sort file is truncated.");
                }

                _position += read;
                _length += read;
            }

            return _length >= bytes;
        }
    }
}
