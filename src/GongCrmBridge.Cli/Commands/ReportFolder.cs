using GongCrmBridge.Cli.Infrastructure;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Makes sure the report folder can be written before a run reads or sends anything: a run that cannot
/// write its report must not start (nothing would record what Gong received).</summary>
internal static class ReportFolder
{
    /// <summary>Creates <paramref name="path"/> when missing and checks a file can be written in it.</summary>
    /// <exception cref="UsageException">It is a file, cannot be created, or is not writable (exit 2).</exception>
    public static void EnsureWritable(string path)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"The report folder {path} is a file, not a folder: pass --report with a folder path.");
        }

        var probe = Path.Combine(path, $".gongbridge-write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(path);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var parent = Ancestors(path).FirstOrDefault(File.Exists);
            throw new UsageException(parent is not null
                ? $"The report folder {path} cannot be created: {parent} is a file, not a folder."
                : $"The report folder {path} cannot be written ({e.Message}): pass --report with a writable folder.");
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var parent = Path.GetDirectoryName(path); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            yield return parent;
        }
    }
}
