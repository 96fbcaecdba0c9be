using System.Globalization;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Pipeline;

namespace GongCrmBridge.Tests.Pipeline;

public sealed class ReferenceCheckerIdStoreTests
{
    private static MappedChunk Chunk(CrmObjectType type, IEnumerable<(string Id, string? AccountId)> records) =>
        MappedChunk.FromRecords(
            type, "export.csv", [.. records.Select((r, i) => (r.Id, 1L, (long)i + 2, string.Empty, new ReferenceIds(r.AccountId)))]);

    [Fact]
    public void Observe_ContactsAfterManyAccounts_WarnsOnlyForMissingAccounts()
    {
        var checker = new ReferenceChecker();
        checker.Expect(CrmObjectType.Account);
        checker.Expect(CrmObjectType.Contact);

        // More accounts than one block of hashes, in two chunks.
        var ids = Enumerable.Range(0, 150_000).Select(i => "ACC-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        checker.Observe(Chunk(CrmObjectType.Account, ids[..70_000].Select(id => (id, (string?)null))));
        checker.Observe(Chunk(CrmObjectType.Account, ids[70_000..].Select(id => (id, (string?)null))));
        checker.Observe(Chunk(CrmObjectType.Contact, [("C1", "ACC-0"), ("C2", "ACC-149999"), ("C3", "ACC-150000"), ("C4", null), ("C5", "ACC-70000")]));

        var warning = Assert.Single(checker.Warnings);
        Assert.Equal(("CONTACT", "accountId", "ACCOUNT", 1L), (warning.ObjectType, warning.Field, warning.Target, warning.Count));
        Assert.Equal(("C3", "ACC-150000"), (Assert.Single(warning.Examples).ObjectId, warning.Examples[0].MissingId));
    }

    [Fact]
    public void Observe_AccountsAddedAfterALookup_StillFound()
    {
        var checker = new ReferenceChecker();
        checker.Expect(CrmObjectType.Account);
        checker.Expect(CrmObjectType.Contact);

        checker.Observe(Chunk(CrmObjectType.Account, [("A1", null)]));
        checker.Observe(Chunk(CrmObjectType.Contact, [("C1", "A1")]));
        checker.Observe(Chunk(CrmObjectType.Account, [("A2", null)]));
        checker.Observe(Chunk(CrmObjectType.Contact, [("C2", "A2"), ("C3", "A3")]));

        Assert.Equal(1L, Assert.Single(checker.Warnings).Count);
    }
}
