using System.Globalization;
using System.Text;
using GongCrmBridge.State;
using static GongCrmBridge.Tests.State.StateTestKit;

namespace GongCrmBridge.Tests.State;

/// <summary>Reading an uploaded LDJSON file back as the objects Gong accepted.</summary>
public sealed class AcceptedRecordsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "gcb-accepted-" + Guid.NewGuid().ToString("N") + ".ldjson");

    [Fact]
    public void Read_FileWithRejectedLines_ReturnsTheOtherRecordsWithIdHashAndDate()
    {
        // Given a three-line file whose line 2 Gong rejected
        File.WriteAllBytes(_path, [.. Account("A-1"), (byte)'\n', .. Account("A-2"), (byte)'\n', .. Account("A-3", modified: "2024-03-09T01:02:03Z"), (byte)'\n']);

        // When it is read back
        var accepted = AcceptedRecords.Read(_path, new HashSet<int> { 2 }).ToList();

        // Then lines 1 and 3 come back as sent
        Assert.Equal(["A-1", "A-3"], accepted.Select(a => a.ObjectId));
        Assert.Equal(RecordContentHash.Of(Account("A-3")), accepted[1].ContentHash);
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 1, 2, 3, TimeSpan.Zero), accepted[1].ModifiedDate);
    }

    [Fact]
    public void Read_FileLargerThanTheBufferWithoutFinalLineBreak_ReadsEveryLine()
    {
        // Given 20,000 records (~3 MB, several buffers) and no line break after the last
        var text = new StringBuilder();
        for (var i = 1; i <= 20_000; i++)
        {
            text.Append(Encoding.UTF8.GetString(Account("A-" + i.ToString(CultureInfo.InvariantCulture), name: new string('x', i % 300))));
            if (i < 20_000)
            {
                text.Append('\n');
            }
        }

        File.WriteAllText(_path, text.ToString());

        // When it is read back
        var accepted = AcceptedRecords.Read(_path).ToList();

        // Then every record is there, in order, each with the hash of its own bytes
        Assert.Equal(20_000, accepted.Count);
        Assert.Equal("A-20000", accepted[^1].ObjectId);
        Assert.Equal(RecordContentHash.Of(Account("A-12345", name: new string('x', 12345 % 300))), accepted[12344].ContentHash);
    }

    public void Dispose() => File.Delete(_path);
}
