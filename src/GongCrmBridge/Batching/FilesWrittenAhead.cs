using GongCrmBridge.Batching.Files;

namespace GongCrmBridge.Batching;

/// <summary>
/// The LDJSON files the batcher writes while records are still arriving, one at a time and in order, each on a
/// background task as soon as its group of records is complete.
/// </summary>
/// <remarks>One file at a time, in order: the merges share the cores with mapping, and a failure stops the ones after
/// it. Not thread-safe: <see cref="Start"/> is called by the batcher's single caller.</remarks>
internal sealed class FilesWrittenAhead : IDisposable
{
    /// <summary>Added to the names of files written ahead while they are being written again.</summary>
    private const string AsideSuffix = ".aside";

    private readonly List<Task<BatchFile>> _files = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<int, string> _pathOf;

    /// <summary>Initializes a new instance of the <see cref="FilesWrittenAhead"/> class.</summary>
    /// <param name="pathOf">The path of the file of a 0-based index.</param>
    public FilesWrittenAhead(Func<int, string> pathOf) => _pathOf = pathOf;

    /// <summary>Gets the number of files started.</summary>
    public int Count => _files.Count;

    /// <summary>Starts writing the next file (index <see cref="Count"/>) once the files before it are written.</summary>
    /// <param name="write">Writes the file of the index given and returns it; runs on a background task.</param>
    /// <returns>The writing.</returns>
    public Task<BatchFile> Start(Func<int, BatchFile> write)
    {
        var index = _files.Count;
        var previous = index == 0 ? Task.CompletedTask : _files[index - 1];
        var writing = WriteAfterAsync(previous, index, write, _stopping.Token);
        _files.Add(writing);
        return writing;
    }

    /// <summary>The files written ahead, once all are written; throws what writing one threw.</summary>
    public async Task<BatchFile[]> AllAsync() => await Task.WhenAll(_files).ConfigureAwait(false);

    /// <summary>Waits for the files being written (never throws); stops and deletes them when asked to.</summary>
    public async Task StopAsync(bool deleteFiles)
    {
        if (_files.Count == 0)
        {
            return;
        }

        if (deleteFiles)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        // A failure was already thrown by the batcher's CompleteAsync, or is not wanted: the batcher is being disposed.
        await ((Task)Task.WhenAll(_files)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        if (deleteFiles)
        {
            Delete();
        }
    }

    /// <summary>Renames the files written ahead out of the way of the files written again, which take their names.</summary>
    public static List<BatchFile> SetAside(BatchFile[] files)
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

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private static async Task<BatchFile> WriteAfterAsync(Task previous, int index, Func<int, BatchFile> write, CancellationToken stopping)
    {
        await previous.ConfigureAwait(false);
        return await Task.Run(
            () =>
            {
                stopping.ThrowIfCancellationRequested();
                return write(index);
            },
            stopping).ConfigureAwait(false);
    }

    private void Delete()
    {
        for (var index = 0; index < _files.Count; index++)
        {
            var path = _pathOf(index);
            var lineMapPath = LdjsonFileWriter.LineMapPathFor(path);
            foreach (var file in (ReadOnlySpan<string>)[path, lineMapPath, path + AsideSuffix, lineMapPath + AsideSuffix])
            {
                File.Delete(file);
            }
        }
    }
}
