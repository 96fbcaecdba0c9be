using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using GongCrmBridge.Batching.Files;
using GongCrmBridge.Batching.Sorting;
using GongCrmBridge.Batching.Versions;
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
internal sealed class LdjsonBatcher : IAsyncDisposable
{
    private readonly CrmObjectType _type;
    private readonly BatchingOptions _options;
    private readonly string _filePrefix;
    private readonly string _tempPrefix;
    private readonly SortedGroupBuilder _firstVersions;
    private readonly List<SortedGroupBuilder> _laterVersions = [];
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, int> _sourceIndexes = new(StringComparer.Ordinal);
    private readonly LaterVersionFinder _versions;
    private readonly FilesWrittenAhead _writtenAhead;
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
        var name = FileNamePrefix(type);
        _filePrefix = Path.Combine(options.WorkDirectory, name);
        _tempPrefix = Path.Combine(options.WorkDirectory, "." + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        _versions = new LaterVersionFinder(_tempPrefix + ".keys.tmp");
        _writtenAhead = new FilesWrittenAhead(NextPath);
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
        _versions.Add(chunk, source);
        var json = chunk.Json.Span;
        foreach (ref readonly var record in chunk.RecordSpan)
        {
            var idBytes = chunk.IdUtf8(record.ObjectId);
            _firstVersions.Add(new SpillRecord(
                record.ModifiedUtcTicks, _seq++, record.Line, source, idBytes, json.Slice(record.JsonOffset, record.JsonLength)));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Gets the records left out as merged into another version of their objectId (after <see cref="CompleteAsync"/>).</summary>
    public long Merged => _versions.Merged;

    /// <summary>Gets how many of <see cref="Merged"/> had the same modifiedDate and other content: a non-unique key.</summary>
    public long DuplicateObjectIds => _versions.DuplicateObjectIds;

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
            var files = await Task.Run(() => CompleteCoreAsync(_writtenAhead.AllAsync(), cancellationToken), cancellationToken).ConfigureAwait(false);
            succeeded = true;
            return files;
        }
        finally
        {
            await _writtenAhead.StopAsync(deleteFiles: !succeeded).ConfigureAwait(false);
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
        await _writtenAhead.StopAsync(deleteFiles: !_completed).ConfigureAwait(false);
        DeleteTemporaryFiles();
        _writtenAhead.Dispose();
    }

    /// <summary>Waits until the files started so far while records arrive are written (tests: a deterministic point to
    /// add more records after).</summary>
    internal Task<BatchFile[]> FilesWrittenAheadAsync() => _writtenAhead.AllAsync();

    /// <summary>Starts writing the file of a group that <see cref="AddAsync"/> has just closed, after the files before it.</summary>
    /// <returns>The writing, as the group's <see cref="RecordGroup.Released"/>.</returns>
    private Task<BatchFile> WriteAhead(RecordGroup group)
    {
        string[] sources = [.. _sources];
        return _writtenAhead.Start(index => WriteFile(_firstVersions, group, index, sources, holdsLaterVersions: false));
    }

    /// <summary>Merges <paramref name="group"/> into the LDJSON file of <paramref name="index"/>.</summary>
    private BatchFile WriteFile(SortedGroupBuilder builder, RecordGroup group, int index, IReadOnlyList<string> sources, bool holdsLaterVersions)
    {
        using var writer = new LdjsonFileWriter(NextPath(index), sources);
        builder.Merge(group, (in SpillRecord r) => writer.Write(r.Json, r.Source, r.Line, r.ObjectId));
        return writer.Complete(_type, index, holdsLaterVersions);
    }

    private void DeleteTemporaryFiles()
    {
        _firstVersions.Dispose();
        foreach (var builder in _laterVersions)
        {
            builder.Dispose();
        }

        _versions.Dispose();
    }

    private async Task<List<BatchFile>> CompleteCoreAsync(Task<BatchFile[]> writtenAhead, CancellationToken cancellationToken)
    {
        if (_seq == 0)
        {
            return [];
        }

        _firstVersions.Finish();
        var later = _versions.Find();
        if (later is null && _sources.Count == 1)
        {
            // No objectId occurs twice: the files written ahead are final; write the rest while they finish.
            var remaining = new List<BatchFile>();
            for (var index = _writtenAhead.Count; index < _firstVersions.Groups.Count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                remaining.Add(WriteFile(_firstVersions, _firstVersions.Groups[index], index, _sources, holdsLaterVersions: false));
            }

            return [.. await writtenAhead.ConfigureAwait(false), .. remaining];
        }

        // Later versions move records out of the files (or the files written ahead name fewer sources than there are):
        // write every file again without them.
        var files = new List<BatchFile>();
        var aside = FilesWrittenAhead.SetAside(await writtenAhead.ConfigureAwait(false));
        WriteAgainFromFiles(aside, later, files, cancellationToken);
        WriteAgainFromRuns(_firstVersions.Groups.Skip(aside.Count), later, files, cancellationToken);
        foreach (var builder in _laterVersions)
        {
            builder.Finish();
            foreach (var group in builder.Groups)
            {
                cancellationToken.ThrowIfCancellationRequested();
                files.Add(WriteFile(builder, group, files.Count, _sources, holdsLaterVersions: true));
            }
        }

        return files;
    }

    /// <summary>Writes the groups written ahead again, read back from their files (their sort space has been reused),
    /// without the later versions, which go to the builders of their generations.</summary>
    private void WriteAgainFromFiles(
        List<BatchFile> aside, Dictionary<(int Source, long Line), LaterVersion>? later, List<BatchFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in aside)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (WriteAgainFromFile(file, later, files.Count, cancellationToken) is { } written)
            {
                files.Add(written);
            }
        }
    }

    /// <returns>The file written again; <see langword="null"/> when every line of it was a later version.</returns>
    private BatchFile? WriteAgainFromFile(
        BatchFile file, Dictionary<(int Source, long Line), LaterVersion>? later, int index, CancellationToken cancellationToken)
    {
        using var writer = new LdjsonFileWriter(NextPath(index), _sources);
        LdjsonFileReader.Read(
            file.Path,
            file.LineMapPath,
            (json, origin) =>
            {
                var source = _sourceIndexes[origin.Source];
                var objectId = Encoding.UTF8.GetBytes(origin.ObjectId);
                if (later is not null && later.TryGetValue((source, origin.Line), out var version))
                {
                    if (version.Generation > 0)
                    {
                        LaterBuilder(version.Generation).Add(new SpillRecord(version.Ticks, version.Seq, origin.Line, source, objectId, json));
                    }
                }
                else
                {
                    writer.Write(json, source, origin.Line, objectId);
                }
            },
            cancellationToken);
        File.Delete(file.Path);
        File.Delete(file.LineMapPath);
        return writer.Count > 0 ? writer.Complete(_type, index, holdsLaterVersions: false) : null;
    }

    /// <summary>Merges the groups not written ahead from their runs, without the later versions, which go to the builders
    /// of their generations.</summary>
    private void WriteAgainFromRuns(
        IEnumerable<RecordGroup> groups, Dictionary<(int Source, long Line), LaterVersion>? later, List<BatchFile> files, CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (WriteAgainFromRuns(group, later, files.Count) is { } written)
            {
                files.Add(written);
            }
        }
    }

    /// <returns>The file written; <see langword="null"/> when every record of the group was a later version.</returns>
    private BatchFile? WriteAgainFromRuns(RecordGroup group, Dictionary<(int Source, long Line), LaterVersion>? later, int index)
    {
        using var writer = new LdjsonFileWriter(NextPath(index), _sources);
        _firstVersions.Merge(group, (in SpillRecord r) =>
        {
            if (later is not null && later.TryGetValue((r.Source, r.Line), out var version))
            {
                if (version.Generation > 0)
                {
                    LaterBuilder(version.Generation).Add(r);
                }
            }
            else
            {
                writer.Write(r.Json, r.Source, r.Line, r.ObjectId);
            }
        });
        return writer.Count > 0 ? writer.Complete(_type, index, holdsLaterVersions: false) : null;
    }

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

    /// <summary>The start of the type's file names: its wire name in lower case, words joined by '-' (business-user).</summary>
    [SuppressMessage("Globalization", "CA1308:Normalize strings to uppercase", Justification = "A file name for people to read, not a normalization for comparison.")]
    private static string FileNamePrefix(CrmObjectType type) => type.ToWireName().ToLowerInvariant().Replace('_', '-');

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
