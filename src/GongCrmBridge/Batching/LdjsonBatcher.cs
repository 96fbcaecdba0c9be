using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;

namespace GongCrmBridge.Batching;

/// <summary>
/// Writes the valid records of one object type into LDJSON files ready for Gong: each file at most
/// <see cref="BatchingOptions.MaxFileBytes"/>, sorted by modifiedDate, holding an objectId at most once, with a line
/// map back to the sources.
/// </summary>
/// <remarks>
/// <para>Memory stays bounded whatever the number of records: records are sorted in a
/// <see cref="BatchingOptions.SortBufferBytes"/> buffer and spilled to temporary run files in the work folder, which
/// <see cref="CompleteAsync"/> merges into the final files. Records fill files in arrival order; inside a file they
/// are sorted by modifiedDate (ties keep arrival order).</para>
/// <para>When the export holds several versions of one objectId, the oldest (by modifiedDate, then arrival) stays
/// where it arrived, and the n-th later version goes to the files of generation n, written after every file of the
/// generation before: the newest version is applied last. Such files have <see cref="BatchFile.HoldsLaterVersions"/>
/// set; <see cref="BatchFile.Sequence"/> gives the upload order.</para>
/// <para>Files are written while records are still arriving: when a group of records fills a file, a background task
/// merges it into its LDJSON file at once, so that the merging overlaps reading and mapping instead of all happening
/// in <see cref="CompleteAsync"/>, and the group's sort space is reused by the group after next. This is speculative:
/// it holds when no objectId occurs twice (the usual export); when <see cref="CompleteAsync"/> finds later versions,
/// each file written ahead is read back and written again without them, so the files are the same either way.</para>
/// <para>Not thread-safe: call <see cref="AddAsync"/> once per chunk, in source order.</para>
/// </remarks>
public sealed class LdjsonBatcher : IAsyncDisposable
{
    /// <summary>The size of a record's entry in the keys file (<see cref="WriteKey"/>).</summary>
    private const int KeySize = 28;

    /// <summary>Added to the names of files written ahead while they are being written again.</summary>
    private const string AsideSuffix = ".aside";

    private readonly CrmObjectType _type;
    private readonly BatchingOptions _options;
    private readonly string _filePrefix;
    private readonly string _tempPrefix;
    private readonly SortedGroupBuilder _firstVersions;
    private readonly List<SortedGroupBuilder> _laterVersions = [];
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, int> _sourceIndexes = new(StringComparer.Ordinal);
    private readonly string _keysPath;
    private BackgroundWriteStream? _keys;
    private ObjectIdFilter? _filter;
    private ulong[] _hashes = [];
    private byte[] _keyBlock = [];
    private readonly List<Task<BatchFile>> _writtenAhead = [];
    private readonly CancellationTokenSource _stopping = new();
    private long _seq;
    private bool _completed;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="LdjsonBatcher"/> class.</summary>
    /// <param name="type">The object type of every record added.</param>
    /// <param name="options">Work folder and limits; validated here.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public LdjsonBatcher(CrmObjectType type, BatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _type = type;
        _options = options;
        Directory.CreateDirectory(options.WorkDirectory);
        var name = type.ToWireName().ToLowerInvariant().Replace('_', '-');
        _filePrefix = Path.Combine(options.WorkDirectory, name);
        _tempPrefix = Path.Combine(options.WorkDirectory, "." + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        _keysPath = _tempPrefix + ".keys.tmp";
        _firstVersions = new SortedGroupBuilder(_tempPrefix + ".runs.tmp", options.MaxFileBytes, options.SortBufferBytes)
        {
            GroupClosed = WriteAhead,
        };
    }

    /// <summary>Gets the number of records added.</summary>
    public long RecordCount => _seq;

    /// <summary>Adds the valid records of <paramref name="chunk"/>.</summary>
    /// <exception cref="ArgumentException">The chunk holds another object type.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CompleteAsync"/> was called.</exception>
    public ValueTask AddAsync(MappedChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_completed || _disposed, this);
        if (chunk.ObjectType != _type)
        {
            throw new ArgumentException("The chunk holds another object type than the batcher's.", nameof(chunk));
        }

        if (chunk.Records.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var source = SourceIndex(chunk.SourcePath);
        _filter ??= new ObjectIdFilter();
        _keys ??= new BackgroundWriteStream(_keysPath, FileShare.Read);
        var records = chunk.RecordSpan;
        if (_hashes.Length < records.Length)
        {
            _hashes = new ulong[records.Length];
            _keyBlock = new byte[records.Length * KeySize];
        }

        // Hashes and keys first, then the filter in a loop of its own: its probes are cache misses, and with nothing else
        // in the loop the processor overlaps many of them.
        for (var i = 0; i < records.Length; i++)
        {
            var hash = ObjectIdHash.Of(chunk.IdUtf8(records[i].ObjectId));
            _hashes[i] = hash;
            WriteKey(_keyBlock.AsSpan(i * KeySize, KeySize), hash, records[i].ModifiedUtcTicks, source, records[i].Line);
        }

        _keys.Write(_keyBlock, 0, records.Length * KeySize);
        _filter.AddAll(_hashes.AsSpan(0, records.Length));

        var json = chunk.Json.Span;
        foreach (ref readonly var record in records)
        {
            var idBytes = chunk.IdUtf8(record.ObjectId);
            _firstVersions.Add(new SpillRecord(
                record.ModifiedUtcTicks, _seq++, record.Line, source, idBytes, json.Slice(record.JsonOffset, record.JsonLength)));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Writes the LDJSON files and their line maps, and removes the temporary files.</summary>
    /// <returns>The files in upload order (<see cref="BatchFile.Sequence"/> 0, 1, ...); empty when no record was added.</returns>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public async Task<IReadOnlyList<BatchFile>> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completed || _disposed, this);
        _completed = true;
        var succeeded = false;
        try
        {
            var files = await Task.Run(() => CompleteCoreAsync(WrittenAheadAsync(), cancellationToken), cancellationToken).ConfigureAwait(false);
            succeeded = true;
            return files;
        }
        finally
        {
            await StopWritingAheadAsync(deleteFiles: !succeeded).ConfigureAwait(false);
            DeleteTemporaryFiles();
        }
    }

    /// <summary>Deletes the temporary files (the LDJSON files written stay).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopWritingAheadAsync(deleteFiles: !_completed).ConfigureAwait(false);
        DeleteTemporaryFiles();
        _stopping.Dispose();
    }

    /// <summary>Starts writing the file of a group that <see cref="AddAsync"/> has just closed, after the files before it.</summary>
    /// <returns>The writing, as the group's <see cref="RecordGroup.Released"/>.</returns>
    private Task WriteAhead(RecordGroup group)
    {
        var index = _writtenAhead.Count;
        var previous = index == 0 ? Task.CompletedTask : _writtenAhead[index - 1];
        string[] sources = [.. _sources];
        var writing = WriteAheadAsync(previous, group, index, sources, _stopping.Token);
        _writtenAhead.Add(writing);
        return writing;
    }

    private async Task<BatchFile> WriteAheadAsync(Task previous, RecordGroup group, int index, string[] sources, CancellationToken stopping)
    {
        // One file at a time, in order: the merges share the cores with mapping, and a failure stops the ones after it.
        await previous.ConfigureAwait(false);
        return await Task.Run(
            () =>
            {
                stopping.ThrowIfCancellationRequested();
                using var writer = new LdjsonFileWriter(NextPath(index), sources);
                _firstVersions.Merge(group, (in SpillRecord r) => writer.Write(r.Json, r.Source, r.Line, r.ObjectId));
                return writer.Complete(_type, index, holdsLaterVersions: false);
            },
            stopping).ConfigureAwait(false);
    }

    /// <summary>The files written ahead, once all are written; throws what writing one threw.</summary>
    private async Task<BatchFile[]> WrittenAheadAsync() => await Task.WhenAll(_writtenAhead).ConfigureAwait(false);

    /// <summary>Waits for the files being written ahead (never throws); deletes them when asked to.</summary>
    private async Task StopWritingAheadAsync(bool deleteFiles)
    {
        if (_writtenAhead.Count == 0)
        {
            return;
        }

        if (deleteFiles)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_writtenAhead).ConfigureAwait(false);
        }
        catch (Exception) when (_writtenAhead.TrueForAll(t => t.IsCompleted))
        {
            // Already thrown by CompleteAsync, or not wanted: the batcher is being disposed.
        }

        if (deleteFiles)
        {
            DeleteWrittenAhead();
        }
    }

    private void DeleteWrittenAhead()
    {
        for (var index = 0; index < _writtenAhead.Count; index++)
        {
            var path = NextPath(index);
            var lineMapPath = LdjsonFileWriter.LineMapPathFor(path);
            foreach (var file in (ReadOnlySpan<string>)[path, lineMapPath, path + AsideSuffix, lineMapPath + AsideSuffix])
            {
                File.Delete(file);
            }
        }
    }

    private void DeleteTemporaryFiles()
    {
        _firstVersions.Dispose();
        foreach (var builder in _laterVersions)
        {
            builder.Dispose();
        }

        if (_keys is not null)
        {
            _keys.Dispose();
            File.Delete(_keysPath);
        }
    }

    private async Task<IReadOnlyList<BatchFile>> CompleteCoreAsync(Task<BatchFile[]> writtenAhead, CancellationToken cancellationToken)
    {
        var files = new List<BatchFile>();
        if (_seq == 0)
        {
            return files;
        }

        _firstVersions.Finish();
        var later = FindLaterVersions();
        if (later is null && _sources.Count == 1)
        {
            // No objectId occurs twice: the files written ahead are final; write the rest while they finish.
            var remaining = new List<BatchFile>();
            for (var index = _writtenAhead.Count; index < _firstVersions.Groups.Count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var writer = new LdjsonFileWriter(NextPath(index), _sources);
                _firstVersions.Merge(_firstVersions.Groups[index], (in SpillRecord r) => writer.Write(r.Json, r.Source, r.Line, r.ObjectId));
                remaining.Add(writer.Complete(_type, index, holdsLaterVersions: false));
            }

            files.AddRange(await writtenAhead.ConfigureAwait(false));
            files.AddRange(remaining);
            return files;
        }

        // Later versions move records out of the files: write every file again without them. The groups written ahead
        // are read back from their files (their sort space has been reused), the others merged from their runs.
        var aside = SetAside(await writtenAhead.ConfigureAwait(false));
        foreach (var file in aside)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var writer = new LdjsonFileWriter(NextPath(files.Count), _sources);
            LdjsonFileReader.Read(
                file.Path,
                file.LineMapPath,
                (json, origin) =>
                {
                    var source = _sourceIndexes[origin.Source];
                    var objectId = Encoding.UTF8.GetBytes(origin.ObjectId);
                    if (later is not null && later.TryGetValue((source, origin.Line), out var version))
                    {
                        LaterBuilder(version.Generation).Add(new SpillRecord(version.Ticks, version.Seq, origin.Line, source, objectId, json));
                    }
                    else
                    {
                        writer.Write(json, source, origin.Line, objectId);
                    }
                },
                cancellationToken);
            File.Delete(file.Path);
            File.Delete(file.LineMapPath);
            if (writer.Count > 0)
            {
                files.Add(writer.Complete(_type, files.Count, holdsLaterVersions: false));
            }
        }

        foreach (var group in _firstVersions.Groups.Skip(aside.Count))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var writer = new LdjsonFileWriter(NextPath(files.Count), _sources);
            _firstVersions.Merge(group, (in SpillRecord r) =>
            {
                if (later is not null && later.TryGetValue((r.Source, r.Line), out var version))
                {
                    LaterBuilder(version.Generation).Add(r);
                }
                else
                {
                    writer.Write(r.Json, r.Source, r.Line, r.ObjectId);
                }
            });
            if (writer.Count > 0)
            {
                files.Add(writer.Complete(_type, files.Count, holdsLaterVersions: false));
            }
        }

        foreach (var builder in _laterVersions)
        {
            builder.Finish();
            foreach (var group in builder.Groups)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var writer = new LdjsonFileWriter(NextPath(files.Count), _sources);
                builder.Merge(group, (in SpillRecord r) => writer.Write(r.Json, r.Source, r.Line, r.ObjectId));
                files.Add(writer.Complete(_type, files.Count, holdsLaterVersions: true));
            }
        }

        return files;
    }

    /// <summary>Renames the files written ahead out of the way of the files written again, which take their names.</summary>
    private static List<BatchFile> SetAside(BatchFile[] files)
    {
        var aside = new List<BatchFile>(files.Length);
        foreach (var file in files)
        {
            var path = file.Path + AsideSuffix;
            var lineMapPath = file.LineMapPath + AsideSuffix;
            File.Move(file.Path, path, overwrite: true);
            File.Move(file.LineMapPath, lineMapPath, overwrite: true);
            aside.Add(file with { Path = path, LineMapPath = lineMapPath });
        }

        return aside;
    }

    /// <summary>For every record that is a later version of an objectId, keyed by its origin (source index, line): its
    /// generation (1 = second oldest, ...) and sort key.</summary>
    private Dictionary<(int Source, long Line), LaterVersion>? FindLaterVersions()
    {
        if (_filter is null || _filter.Candidates.Count == 0 || _keys is null)
        {
            return null;
        }

        // Exact pass over the candidates only: read the key of every record back, keep those whose hash is a candidate.
        _keys.Flush();
        using var keys = new FileStream(_keysPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var suspects = new List<(ulong Hash, long Ticks, long Seq, int Source, long Line)>();
        var buffer = new byte[KeySize * 4096];
        long seq = 0;
        int read;
        while ((read = keys.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            for (var offset = 0; offset + KeySize <= read; offset += KeySize, seq++)
            {
                var key = buffer.AsSpan(offset, KeySize);
                var hash = BinaryPrimitives.ReadUInt64LittleEndian(key);
                if (_filter.Candidates.Contains(hash))
                {
                    suspects.Add((
                        hash,
                        BinaryPrimitives.ReadInt64LittleEndian(key[8..]),
                        seq,
                        BinaryPrimitives.ReadInt32LittleEndian(key[16..]),
                        BinaryPrimitives.ReadInt64LittleEndian(key[20..])));
                }
            }
        }

        suspects.Sort(); // by hash, then (ticks, arrival): each objectId's versions oldest first
        var later = new Dictionary<(int Source, long Line), LaterVersion>();
        var generation = 0;
        for (var i = 1; i < suspects.Count; i++)
        {
            generation = suspects[i].Hash == suspects[i - 1].Hash ? generation + 1 : 0;
            if (generation > 0)
            {
                var (_, ticks, suspectSeq, source, line) = suspects[i];
                later[(source, line)] = new LaterVersion(generation, ticks, suspectSeq);
            }
        }

        return later.Count == 0 ? null : later;
    }

    /// <summary>A record's key in the keys file: objectId hash, modifiedDate ticks, source index, source line.</summary>
    private static void WriteKey(Span<byte> key, ulong hash, long ticks, int source, long line)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(key, hash);
        BinaryPrimitives.WriteInt64LittleEndian(key[8..], ticks);
        BinaryPrimitives.WriteInt32LittleEndian(key[16..], source);
        BinaryPrimitives.WriteInt64LittleEndian(key[20..], line);
    }

    /// <summary>Where a later version of an objectId goes (its generation's files) and its sort key there.</summary>
    private readonly record struct LaterVersion(int Generation, long Ticks, long Seq);

    private SortedGroupBuilder LaterBuilder(int generation)
    {
        while (_laterVersions.Count < generation)
        {
            _laterVersions.Add(new SortedGroupBuilder(
                _tempPrefix + ".later" + (_laterVersions.Count + 1).ToString(CultureInfo.InvariantCulture) + ".tmp",
                _options.MaxFileBytes,
                _options.SortBufferBytes));
        }

        return _laterVersions[generation - 1];
    }

    private string NextPath(int sequence) =>
        _filePrefix + "-" + (sequence + 1).ToString("D4", CultureInfo.InvariantCulture) + ".ldjson";

    private int SourceIndex(string path)
    {
        if (!_sourceIndexes.TryGetValue(path, out var index))
        {
            index = _sources.Count;
            _sources.Add(path);
            _sourceIndexes.Add(path, index);
        }

        return index;
    }
}
