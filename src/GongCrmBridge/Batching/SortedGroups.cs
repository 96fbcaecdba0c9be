using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching;

/// <summary>A byte range of a run file holding records sorted by (modifiedDate, arrival).</summary>
internal readonly record struct SortedRun(long Offset, long Length);

/// <summary>The records of one future LDJSON file: sorted runs to merge, and the JSON bytes they add up to.</summary>
internal sealed class RecordGroup
{
    public List<SortedRun> Runs { get; } = [];

    public int Count { get; set; }

    public long JsonBytes { get; set; }
}

/// <summary>
/// Collects records into size-bounded groups (one per future file), sorting them in a fixed memory buffer and
/// spilling each sorted buffer as a run to a temporary file; <see cref="Merge"/> streams a group back in order.
/// </summary>
internal sealed class SortedGroupBuilder : IDisposable
{
    private readonly string _runPath;
    private readonly long _maxFileBytes;
    private readonly int _sortBufferBytes;
    private FileStream? _runs;
    private SafeFileHandle? _readHandle;
    private byte[] _buffer = new byte[4096];
    private int _used;
    private Entry[] _entries = new Entry[256];
    private int _entryCount;
    private RecordGroup _current = new();

    public SortedGroupBuilder(string runPath, long maxFileBytes, int sortBufferBytes)
    {
        _runPath = runPath;
        _maxFileBytes = maxFileBytes;
        _sortBufferBytes = sortBufferBytes;
    }

    public List<RecordGroup> Groups { get; } = [];

    public void Add(in SpillRecord record)
    {
        var lineBytes = record.Json.Length + 1L;
        if (_current.Count > 0 && _current.JsonBytes + lineBytes > _maxFileBytes)
        {
            CloseGroup();
        }

        var size = record.Size;
        if (_used > 0 && _used + size > _sortBufferBytes)
        {
            SpillRun();
        }

        if (_used + size > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(Math.Min(_buffer.Length * 2, _sortBufferBytes), _used + size));
        }

        if (_entryCount == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        record.WriteTo(_buffer.AsSpan(_used));
        _entries[_entryCount++] = new Entry(record.Ticks, record.Seq, _used, size);
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

        _runs?.Flush();
    }

    /// <summary>Streams the records of <paramref name="group"/> to <paramref name="handler"/> sorted by (ticks, arrival).</summary>
    public void Merge(RecordGroup group, SpillRecordHandler handler)
    {
        if (group.Runs.Count == 0)
        {
            return;
        }

        _readHandle ??= File.OpenHandle(_runPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var readers = new RunReader[group.Runs.Count];
        var queue = new PriorityQueue<int, (long Ticks, long Seq)>(readers.Length);
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i] = new RunReader(_readHandle, group.Runs[i], readers.Length == 1 ? 1024 * 1024 : 128 * 1024);
            if (readers[i].MoveNext())
            {
                queue.Enqueue(i, readers[i].Key);
            }
        }

        while (queue.TryDequeue(out var index, out _))
        {
            var reader = readers[index];
            handler(reader.Current);
            if (reader.MoveNext())
            {
                queue.Enqueue(index, reader.Key);
            }
        }
    }

    public void Dispose()
    {
        _readHandle?.Dispose();
        _runs?.Dispose();
        if (_runs is not null)
        {
            File.Delete(_runPath);
        }
    }

    private void CloseGroup()
    {
        SpillRun();
        Groups.Add(_current);
        _current = new RecordGroup();
    }

    private void SpillRun()
    {
        if (_entryCount == 0)
        {
            return;
        }

        _runs ??= new FileStream(_runPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1024 * 1024);
        _entries.AsSpan(0, _entryCount).Sort(default(EntryComparer));
        var offset = _runs.Position;
        for (var i = 0; i < _entryCount; i++)
        {
            ref readonly var entry = ref _entries[i];
            _runs.Write(_buffer, entry.Offset, entry.Length);
        }

        _current.Runs.Add(new SortedRun(offset, _runs.Position - offset));
        _runs.Flush();
        _used = 0;
        _entryCount = 0;
    }

    private readonly record struct Entry(long Ticks, long Seq, int Offset, int Length);

    private readonly struct EntryComparer : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            var byTicks = x.Ticks.CompareTo(y.Ticks);
            return byTicks != 0 ? byTicks : x.Seq.CompareTo(y.Seq);
        }
    }

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
            _buffer = new byte[bufferSize];
        }

        public (long Ticks, long Seq) Key { get; private set; }

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
            Key = (record.Ticks, record.Seq);
            return true;
        }

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
                var larger = new byte[Math.Max(bytes, _buffer.Length * 2)];
                _buffer.AsSpan(_start, _length).CopyTo(larger);
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
