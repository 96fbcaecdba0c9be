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
        // A hash that changed with a library update would make every nightly run resend everything once: pin it.
        Assert.Equal(0x9886343620504B75UL, RecordContentHash.Of(Account("A-1")));
    }

    [Fact]
    public void Of_NotJson_HashesTheBytesTheSameEveryTime()
    {
        var broken = Encoding.UTF8.GetBytes("{\"objectId\":\"A-1\",\"modifiedDate\":");
        Assert.Equal(RecordContentHash.Of(broken), RecordContentHash.Of(broken.ToArray()));
    }
}
