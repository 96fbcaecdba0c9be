using GongCrmBridge.Batching;

namespace GongCrmBridge.Pipeline;

/// <summary>The folder of a run's LDJSON files (<c>batches/</c> in the report folder): never reached through a link,
/// and cleaned of exactly what the run wrote.</summary>
/// <remarks>The batch files hold the records as uploaded, personal data included. A <c>batches</c> that is a link would
/// put them wherever the link points, outside the report folder the user chose, and a cleanup through it would delete
/// files there; and the folder may hold files the user put there. So the run refuses a linked folder before it writes
/// anything, and its cleanup deletes its own files by name, then the folders only when they are left empty.</remarks>
internal static class BatchFolder
{
    /// <summary>Throws when <paramref name="directory"/> or one of its subfolders is a symbolic link (or junction).</summary>
    /// <exception cref="SyncFailedException">A link was found; the message names it and its target.</exception>
    public static void ThrowIfLinked(string directory)
    {
        var root = new DirectoryInfo(directory);
        if (!root.Exists && root.LinkTarget is null)
        {
            return;
        }

        var linked = root.LinkTarget is not null
            ? root
            : root.EnumerateDirectories("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .FirstOrDefault(d => d.LinkTarget is not null);
        if (linked is not null)
        {
            throw new SyncFailedException(
                $"{linked.FullName} is a link to {linked.LinkTarget}. The batch files hold the records as sent to Gong (personal data) " +
                "and are written only inside the report folder: remove the link, or choose another --report folder. Nothing was sent.");
        }
    }

    /// <summary>Deletes the batch files and line maps of <paramref name="files"/> (and the files of their re-upload
    /// rounds), then each folder they were in and <paramref name="directory"/> when nothing else is left in it.</summary>
    public static void DeleteWritten(string directory, IEnumerable<BatchFile> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file.Path))!;
            folders.Add(folder);
            Delete(file.LineMapPath);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var name = Path.GetFileName(file.Path);
            foreach (var written in Directory.EnumerateFiles(folder, name + "*"))
            {
                var writtenName = Path.GetFileName(written);
                if (writtenName == name || writtenName.StartsWith(name + ".r", StringComparison.Ordinal))
                {
                    Delete(written);
                }
            }
        }

        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            DeleteIfEmpty(folder);
        }

        DeleteIfEmpty(directory);
    }

    private static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void DeleteIfEmpty(string folder)
    {
        var info = new DirectoryInfo(folder);
        if (info.Exists && info.LinkTarget is null && !info.EnumerateFileSystemInfos().Any())
        {
            info.Delete();
        }
    }
}
