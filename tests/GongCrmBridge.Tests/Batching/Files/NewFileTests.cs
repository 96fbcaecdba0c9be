using GongCrmBridge.Batching.Files;

namespace GongCrmBridge.Tests.Batching.Files;

public sealed class NewFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gongbridge-newfile-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Create_FileExists_ReplacesItWithAnEmptyFile()
    {
        var path = Path.Combine(_folder.FullName, "account-0001.ldjson");
        File.WriteAllText(path, "{\"objectId\":\"old\"}\n{\"objectId\":\"older\"}\n");

        using (var stream = NewFile.Create(path, FileAccess.Write, FileShare.None, 4096))
        {
            Assert.Equal(0, stream.Length);
            stream.Write("{\"objectId\":\"new\"}\n"u8);
        }

        Assert.Equal("{\"objectId\":\"new\"}\n", File.ReadAllText(path));
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
