using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching.Files;

/// <summary>Opens the files the batcher writes from scratch: sorted runs, keys, LDJSON files and their line maps.</summary>
/// <remarks>
/// Not <see cref="FileMode.Create"/>: on Linux .NET opens such a file, locks it and then truncates it with
/// <c>ftruncate</c>, and on ext4 a truncated file is flagged as "being replaced" (the <c>auto_da_alloc</c> safeguard), so
/// closing it starts writing the whole file to disk. The batcher's files are read back or uploaded within seconds and
/// mostly deleted; that forced write-out cost hundreds of MB of disk writes and a good share of the CPU of a million-record
/// dry run (benchmark README). A new file created exclusively is never truncated: the page cache keeps it, and the kernel
/// writes it out in its own time, if it still exists then.
/// </remarks>
internal static class NewFile
{
    /// <summary>Deletes <paramref name="path"/> if it exists and creates it anew.</summary>
    public static FileStream Create(string path, FileAccess access, FileShare share, int bufferSize)
    {
        File.Delete(path);
        return new FileStream(path, FileMode.CreateNew, access, share, bufferSize);
    }

    /// <summary>Deletes <paramref name="path"/> if it exists and creates it anew, for writing at explicit offsets.</summary>
    public static SafeFileHandle CreateHandle(string path, FileShare share)
    {
        File.Delete(path);
        return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, share);
    }
}
