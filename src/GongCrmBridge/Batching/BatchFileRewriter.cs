using System.Text;
using GongCrmBridge.Batching.Files;

namespace GongCrmBridge.Batching;

/// <summary>Rewrites an LDJSON file without some of its lines, e.g. to re-send a file after Gong reported errors on
/// some lines (Gong lists at most 20 errors per file).</summary>
internal static class BatchFileRewriter
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
        var sources = new List<string>();
        var sourceIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var map = BatchLineMap.Open(file.LineMapPath))
        {
            // Sources are known only as lines are read: collect them first (a line map usually names one source).
            foreach (var origin in map.All())
            {
                if (sourceIndexes.TryAdd(origin.Source, sources.Count))
                {
                    sources.Add(origin.Source);
                }
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(newPath))!);
        using var writer = new LdjsonFileWriter(newPath, sources);
        var line = 0;
        LdjsonFileReader.Read(
            file.Path,
            file.LineMapPath,
            (json, origin) =>
            {
                if (!linesToDrop.Contains(++line))
                {
                    writer.Write(json, sourceIndexes[origin.Source], origin.Line, Encoding.UTF8.GetBytes(origin.ObjectId));
                }
            },
            cancellationToken);
        return writer.Complete(file.ObjectType, file.Sequence, file.HoldsLaterVersions);
    }
}
