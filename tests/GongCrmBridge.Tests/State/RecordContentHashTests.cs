using System.IO.Hashing;
using System.Text;
using GongCrmBridge.State;
using static GongCrmBridge.Tests.State.StateTestKit;

namespace GongCrmBridge.Tests.State;

/// <summary>The content hash of a record as sent, modifiedDate excluded.</summary>
public sealed class RecordContentHashTests
{
    [Fact]
    public void Of_OnlyModifiedDateDiffers_SameHash()
    {
        Assert.Equal(RecordContentHash.Of(Account("A-1")), RecordContentHash.Of(Account("A-1", modified: "2025-12-31T23:59:59.999Z")));
    }

    [Theory]
    [InlineData("A-2", "2024-03-01T10:00:00Z", "Acme", 120)]
    [InlineData("A-1", "2024-03-01T10:00:00Z", "Acme ", 120)]
    [InlineData("A-1", "2024-03-01T10:00:00Z", "Acme", 121)]
    public void Of_AnyOtherValueDiffers_DifferentHash(string objectId, string modified, string name, int employees)
    {
        Assert.NotEqual(RecordContentHash.Of(Account("A-1")), RecordContentHash.Of(Account(objectId, modified, name, employees)));
    }

    [Fact]
    public void Of_ModifiedDateWrittenLastOrNotAtAll_IgnoredWhereverItIs()
    {
        var last = """{"objectId":"A-1","name":"Acme","modifiedDate":"2024-03-01T10:00:00Z"}"""u8;
        var touched = """{"objectId":"A-1","name":"Acme","modifiedDate":"2024-04-01T10:00:00Z"}"""u8;
        var renamed = """{"objectId":"A-1","name":"Acme 2","modifiedDate":"2024-03-01T10:00:00Z"}"""u8;
        Assert.Equal(RecordContentHash.Of(last), RecordContentHash.Of(touched));
        Assert.NotEqual(RecordContentHash.Of(last), RecordContentHash.Of(renamed));
        Assert.NotEqual(RecordContentHash.Of("""{"objectId":"A-1"}"""u8), RecordContentHash.Of("""{"objectId":"A-2"}"""u8));
    }

    [Fact]
    public void Of_ModifiedDateInsideANestedValueOrText_IsContent()
    {
        // A custom field's nested object or a text holding the words is data: a change there is a change
        var nested = """{"objectId":"A-1","modifiedDate":"2024-03-01T10:00:00Z","extra":{"modifiedDate":"2024-01-01"}}"""u8;
        var nestedChanged = """{"objectId":"A-1","modifiedDate":"2024-03-01T10:00:00Z","extra":{"modifiedDate":"2024-01-02"}}"""u8;
        var text = """{"objectId":"A-1","note":"\"modifiedDate\":\"x\""}"""u8;
        var textChanged = """{"objectId":"A-1","note":"\"modifiedDate\":\"y\""}"""u8;
        Assert.NotEqual(RecordContentHash.Of(nested), RecordContentHash.Of(nestedChanged));
        Assert.NotEqual(RecordContentHash.Of(text), RecordContentHash.Of(textChanged));
    }

    [Fact]
    public void Of_KnownRecord_KeepsItsValueAcrossVersions()
    {
        // A hash that changed with a library update would make every nightly run resend everything once: pin it, and
        // say what it is made of: the record without `"modifiedDate":"…",`, the part after it hashed first.
        var record = Account("A-1");
        var head = """{"objectId":"A-1","""u8;
        var tail = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(record)[(head.Length + "\"modifiedDate\":\"2024-03-01T10:00:00Z\",".Length)..]);
        Assert.StartsWith("\"isDeleted\":false", Encoding.UTF8.GetString(tail), StringComparison.Ordinal);
        Assert.Equal(XxHash3.HashToUInt64(head, unchecked((long)XxHash3.HashToUInt64(tail))), RecordContentHash.Of(record));
        Assert.Equal(0x1BCA23635032BEACUL, RecordContentHash.Of(record));
    }

    [Theory]
    [InlineData("""{"objectId":"A-1","modifiedDate":"2024-03-01T10:00:00Z","isDeleted":false}""")]
    [InlineData("""{"objectId":"A-1","modifiedDate":"2024-03-01T10:00:00Z"}""")]
    [InlineData("""{"objectId":"","modifiedDate":"2024-03-01T10:00:00Z","name":"x"}""")]
    [InlineData("""{"objectId":"A\"1","modifiedDate":"2024-03-01T10:00:00Z","name":"x"}""")]
    [InlineData("""{"objectId":"A\\","modifiedDate":"2024-03-01T10:00:00Z","name":"x"}""")]
    [InlineData("""{"objectId":"A\u00221","modifiedDate":"2024-03-01\u0054","name":"x"}""")]
    [InlineData("""{"objectId":"A-1","name":"x","modifiedDate":"2024-03-01T10:00:00Z"}""")]
    [InlineData("""{"objectId":"A-1","modifiedDate":null,"name":"x"}""")]
    public void FindModifiedDateAsWritten_AnyRecord_FindsWhatTheReaderFindsOrLeavesItToIt(string record)
    {
        var json = Encoding.UTF8.GetBytes(record);
        var fast = RecordContentHash.FindModifiedDateAsWritten(json);
        var read = RecordContentHash.FindModifiedDateByReading(json);
        Assert.True(fast == read || fast == (-1, -1), $"fast {fast}, reader {read}");
        Assert.NotEqual((-1, -1), read);
    }

    [Fact]
    public void FindModifiedDateAsWritten_TheMappersLayout_TakesTheFastPath() =>
        Assert.Equal(RecordContentHash.FindModifiedDateByReading(Account("A-1")), RecordContentHash.FindModifiedDateAsWritten(Account("A-1")));

    [Fact]
    public void Of_NotJson_HashesTheBytesTheSameEveryTime()
    {
        var broken = Encoding.UTF8.GetBytes("{\"objectId\":\"A-1\",\"modifiedDate\":");
        Assert.Equal(RecordContentHash.Of(broken), RecordContentHash.Of(broken.ToArray()));
    }
}
