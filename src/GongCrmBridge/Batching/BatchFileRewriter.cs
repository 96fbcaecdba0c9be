using System.Text;

namespace GongCrmBridge.Batching;

/// <summary>Rewrites an LDJSON file without some of its lines, e.g. to re-send a file after Gong reported errors on
/// some lines (Gong lists at most 20 errors per file).</summary>
public static class BatchFileRewriter
{
    /// <summary>
    /// Writes <paramref name="newPath"/> with every line of <paramref name="file"/> except <paramref name="linesToDrop"/>
    /// (1-based), and its line map, whose lines point at the original sources.
    /// </summary>
    /// <returns>The new file: same object type, sequence and <see cref="BatchFile.HoldsLaterVersions"/>.</returns>
    /// <exception cref="InvalidDataException">The file and its line map disagree on the number of lines.</exception>
    public static async Task<BatchFile> WithoutLinesAsync(
        BatchFile file, IReadOnlySet<int> linesToDrop, string newPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(linesToDrop);
        ArgumentException.ThrowIfNullOrEmpty(newPath);
        if (string.Equals(Path.GetFullPath(newPath), Path.GetFullPath(file.Path), StringComparison.Ordinal))
        {
            throw new ArgumentException("The new file must not replace the original.", nameof(newPath));
        }

        return await Task.Run(() => Rewrite(file, linesToDrop, newPath, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static BatchFile Rewrite(BatchFile file, IReadOnlySet<int> linesToDrop, string newPath, CancellationToken cancellationToken)
    {
        using var map = BatchLineMap.Open(file.LineMapPath);
        var origins = map.All().GetEnumerator();
        using var _ = origins;
        var sources = new List<string>();
        var sourceIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(newPath))!);

        // Sources are known only as lines are read: collect them first (a line map usually names one source).
        foreach (var origin in map.All())
        {
            if (sourceIndexes.TryAdd(origin.Source, sources.Count))
            {
                sources.Add(origin.Source);
            }
        }

        using var writer = new LdjsonFileWriter(newPath, sources);
        using var input = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1024 * 1024];
        int start = 0, length = 0, line = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start, length).IndexOf((byte)'\n');
            if (newline < 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (start > 0)
                {
                    buffer.AsSpan(start, length).CopyTo(buffer);
                    start = 0;
                }

                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = input.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    if (length > 0)
                    {
                        Emit(buffer.AsSpan(start, length));
                    }

                    break;
                }

                length += read;
                continue;
            }

            Emit(buffer.AsSpan(start, newline));
            start += newline + 1;
            length -= newline + 1;
        }

        if (origins.MoveNext())
        {
            throw new InvalidDataException("The line map has more lines than the LDJSON file.");
        }

        return writer.Complete(file.ObjectType, file.Sequence, file.HoldsLaterVersions);

        void Emit(ReadOnlySpan<byte> json)
        {
            line++;
            if (!origins.MoveNext())
            {
                throw new InvalidDataException("The LDJSON file has more lines than its line map.");
            }

            if (!linesToDrop.Contains(line))
            {
                var origin = origins.Current;
                writer.Write(json, sourceIndexes[origin.Source], origin.Line, Encoding.UTF8.GetBytes(origin.ObjectId));
            }
        }
    }
}
