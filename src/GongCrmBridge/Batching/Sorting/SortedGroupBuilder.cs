using System.Globalization;
using GongCrmBridge.Batching.Files;

namespace GongCrmBridge.Batching.Sorting;

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
        RunMerge.Merge(handle, group.Runs, handler);
    }

    public void Dispose()
    {
        // A spill's failure was reported by Add or Finish, or nobody needs the runs any more: wait, without throwing.
        _spilling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();

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
            released.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            _runEnds[file] = 0;
            _runFiles[file]!.Position = 0;
        }

        _lastGroupOn[file] = _current;
        _current.RunFile = file;
    }

    private string RunPath(int file) => file == 0 ? _runPath : _runPath + "." + file.ToString(CultureInfo.InvariantCulture);
}
