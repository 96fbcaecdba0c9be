using GongCrmBridge.Batching.Files;

namespace GongCrmBridge.Tests.Batching.Files;

/// <summary>
/// <see cref="NewFile"/> exists so that the batcher never truncates a file in place (<see cref="FileMode.Create"/>
/// does, with <c>ftruncate</c>, and on ext4 closing a truncated file forces the whole file out to disk). A file truncated
/// in place and a file unlinked and created anew look the same by their path; they differ for a reader that still has
/// the old file open: after a truncation it reads nothing, after an unlink it still reads the old bytes.
/// </summary>
public sealed class NewFileTests : IDisposable
{
    private const string OldContent = "{\"objectId\":\"old\"}\n{\"objectId\":\"older\"}\n";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gongbridge-newfile-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Create_FileExists_ReplacesItWithAnEmptyFile()
    {
        var path = Path.Combine(_folder.FullName, "account-0001.ldjson");
        File.WriteAllText(path, OldContent);

        using (var stream = NewFile.Create(path, FileAccess.Write, FileShare.None, 4096))
        {
            Assert.Equal(0, stream.Length);
            stream.Write("{\"objectId\":\"new\"}\n"u8);
        }

        Assert.Equal("{\"objectId\":\"new\"}\n", File.ReadAllText(path));
    }

    [Fact]
    public void Create_FileExists_OldFileNotTruncatedInPlace()
    {
        // Given a file that a reader still has open
        var path = Path.Combine(_folder.FullName, "account-0001.ldjson");
        File.WriteAllText(path, OldContent);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

        // When the file is created anew
        using (var stream = NewFile.Create(path, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096))
        {
            stream.Write("{\"objectId\":\"new\"}\n"u8);
        }

        // Then the old file was unlinked, not truncated: its reader still reads every old byte
        Assert.Equal(OldContent, reader.ReadToEnd());
        Assert.Equal("{\"objectId\":\"new\"}\n", File.ReadAllText(path));
    }

    [Fact]
    public void CreateHandle_FileExists_OldFileNotTruncatedInPlace()
    {
        // Given a file that a reader still has open
        var path = Path.Combine(_folder.FullName, "account-0001.linemap");
        File.WriteAllText(path, OldContent);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

        // When the file is created anew
        using (var handle = NewFile.CreateHandle(path, FileShare.ReadWrite | FileShare.Delete))
        {
            Assert.Equal(0, RandomAccess.GetLength(handle));
            RandomAccess.Write(handle, "new"u8, 0);
        }

        // Then the old file was unlinked, not truncated: its reader still reads every old byte
        Assert.Equal(OldContent, reader.ReadToEnd());
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void Create_NoFile_CreatesIt()
    {
        var path = Path.Combine(_folder.FullName, "runs.tmp");

        using (var stream = NewFile.Create(path, FileAccess.ReadWrite, FileShare.None, 4096))
        {
            stream.Write([1, 2, 3]);
        }

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }
}
