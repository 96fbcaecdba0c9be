using GongCrmBridge.Batching.Files;

namespace GongCrmBridge.Tests.Batching.Files;

public sealed class BackgroundFileWriterTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gongbridge-bgwrite-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Complete_WritesOverSeveralBlocks_FileHoldsEveryByteInOrder()
    {
        var path = Path.Combine(_folder.FullName, "big.ldjson");
        var expected = new MemoryStream();
        var random = new Random(5);
        using (var stream = new BackgroundFileWriter(path))
        {
            for (var i = 0; i < 40_000; i++)
            {
                var line = new byte[random.Next(1, 200)];
                random.NextBytes(line);
                stream.Write(line);
                stream.WriteByte((byte)'\n');
                expected.Write(line);
                expected.WriteByte((byte)'\n');
                Assert.Equal(expected.Length, stream.Position);
            }

            stream.Write(new byte[3 * 1024 * 1024]); // one write larger than a block
            expected.Write(new byte[3 * 1024 * 1024]);
            stream.Complete();
        }

        Assert.True(expected.Length > 5 * 1024 * 1024);
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void Constructor_FileExists_ReplacesIt()
    {
        var path = Path.Combine(_folder.FullName, "account-0001.ldjson");
        File.WriteAllText(path, "stale stale stale");

        using (var stream = new BackgroundFileWriter(path))
        {
            stream.Write("{}\n"u8);
            stream.Complete();
        }

        Assert.Equal("{}\n", File.ReadAllText(path));
    }
}
