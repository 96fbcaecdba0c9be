using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Tests.Pipeline;

public sealed class ReferenceCheckerTests
{
    /// <summary>A record as the test describes it: objectId, source line, and what it points at.</summary>
    private readonly record struct Row(string Id, long Line, string? Account = null, string? Owner = null, string? Stage = null);

    private static MappedChunk Chunk(CrmObjectType type, string source, params Row[] rows) =>
        MappedChunk.FromRecords(
            type, source, [.. rows.Select(r => (r.Id, 0L, r.Line, string.Empty, new ReferenceIds(r.Account, r.Owner, r.Stage)))]);

    private static ReferenceChecker Expecting(params CrmObjectType[] types)
    {
        var checker = new ReferenceChecker();
        foreach (var type in types)
        {
            checker.Expect(type);
        }

        return checker;
    }

    [Fact]
    public void Observe_ContactWithUnknownAccount_WarnsWithCountAndExample()
    {
        // Given a job with accounts ACC-1 and ACC-2
        var checker = Expecting(CrmObjectType.Account, CrmObjectType.Contact);
        checker.Observe(Chunk(CrmObjectType.Account, "accounts.csv", new Row("ACC-1", 2), new Row("ACC-2", 3)));

        // When contacts point at ACC-1, ACC-9 and ACC-8
        checker.Observe(Chunk(
            CrmObjectType.Contact,
            "contacts.csv",
            new Row("C-1", 2, Account: "ACC-1"),
            new Row("C-2", 3, Account: "ACC-9"),
            new Row("C-3", 4, Account: "ACC-8")));

        // Then one warning counts the two unknown accounts, with where each record is
        var warning = Assert.Single(checker.Warnings);
        Assert.Equal(("CONTACT", "accountId", "ACCOUNT", 2L), (warning.ObjectType, warning.Field, warning.Target, warning.Count));
        Assert.Equal(
            [new ReferenceWarningExample("contacts.csv", 3, "C-2", "ACC-9"), new ReferenceWarningExample("contacts.csv", 4, "C-3", "ACC-8")],
            warning.Examples);
    }

    [Fact]
    public void Observe_DealWithUnknownAccountOwnerAndStage_OneWarningPerField()
    {
        // Given a job with an account, a business user and a stage
        var checker = Expecting(CrmObjectType.BusinessUser, CrmObjectType.Stage, CrmObjectType.Account, CrmObjectType.Deal);
        checker.Observe(Chunk(CrmObjectType.BusinessUser, "users.csv", new Row("U-1", 2)));
        checker.Observe(Chunk(CrmObjectType.Stage, "stages.csv", new Row("Won", 2)));
        checker.Observe(Chunk(CrmObjectType.Account, "accounts.csv", new Row("ACC-1", 2)));

        // When one deal resolves everything and another nothing
        checker.Observe(Chunk(
            CrmObjectType.Deal,
            "deals.csv",
            new Row("D-1", 2, "ACC-1", "U-1", "Won"),
            new Row("D-2", 7, "ACC-2", "U-2", "Lost")));

        // Then each field has its own warning naming D-2 and the id it misses
        var warnings = checker.Warnings.ToDictionary(w => w.Field!);
        Assert.Equal(["accountId", "ownerId", "stage"], warnings.Keys.Order());
        Assert.Equal("ACCOUNT", warnings["accountId"].Target);
        Assert.Equal("BUSINESS_USER", warnings["ownerId"].Target);
        Assert.Equal("STAGE", warnings["stage"].Target);
        Assert.All(warnings.Values, w => Assert.Equal(("DEAL", 1L), (w.ObjectType, w.Count)));
        Assert.Equal(new ReferenceWarningExample("deals.csv", 7, "D-2", "ACC-2"), Assert.Single(warnings["accountId"].Examples));
        Assert.Equal(new ReferenceWarningExample("deals.csv", 7, "D-2", "U-2"), Assert.Single(warnings["ownerId"].Examples));
        Assert.Equal(new ReferenceWarningExample("deals.csv", 7, "D-2", "Lost"), Assert.Single(warnings["stage"].Examples));
    }

    [Fact]
    public void Observe_TargetTypeNotInJob_NoWarning()
    {
        // Given a job holding only deals (no accounts, users or stages: they may already be in Gong)
        var checker = Expecting(CrmObjectType.Deal);

        // When deals point at ids the job never saw
        checker.Observe(Chunk(CrmObjectType.Deal, "deals.csv", new Row("D-1", 2, "ACC-1", "U-1", "Won")));

        // Then nothing can be checked, so nothing is warned
        Assert.Empty(checker.Warnings);
    }

    [Fact]
    public void Observe_TargetObservedButNotExpected_NoWarning()
    {
        // Given accounts observed without Expect(ACCOUNT)
        var checker = new ReferenceChecker();
        checker.Observe(Chunk(CrmObjectType.Account, "accounts.csv", new Row("ACC-1", 2)));

        // When a contact points at another account
        checker.Observe(Chunk(CrmObjectType.Contact, "contacts.csv", new Row("C-1", 2, Account: "ACC-2")));

        // Then the check is off: Expect is what turns it on
        Assert.Empty(checker.Warnings);
    }

    [Fact]
    public void Observe_AllReferencesResolveOrAreEmpty_NoWarning()
    {
        // Given every target type with its ids
        var checker = Expecting(CrmObjectType.BusinessUser, CrmObjectType.Stage, CrmObjectType.Account, CrmObjectType.Contact, CrmObjectType.Deal);
        checker.Observe(Chunk(CrmObjectType.BusinessUser, "users.csv", new Row("U-1", 2)));
        checker.Observe(Chunk(CrmObjectType.Stage, "stages.csv", new Row("Won", 2)));
        checker.Observe(Chunk(CrmObjectType.Account, "accounts.csv", new Row("ACC-1", 2), new Row("ACC-2", 3)));

        // When contacts and deals point only at those, or at nothing
        checker.Observe(Chunk(CrmObjectType.Contact, "contacts.csv", new Row("C-1", 2, Account: "ACC-2"), new Row("C-2", 3)));
        checker.Observe(Chunk(CrmObjectType.Deal, "deals.csv", new Row("D-1", 2, "ACC-1", "U-1", "Won"), new Row("D-2", 3, string.Empty, null, string.Empty)));

        // Then there is nothing to warn about
        Assert.Empty(checker.Warnings);
    }

    [Fact]
    public void Observe_LeadAndAccountReferences_AreNotChecked()
    {
        // Given a job with accounts, expected but empty
        var checker = Expecting(CrmObjectType.Account, CrmObjectType.Lead);

        // When leads and accounts carry an accountId the job does not hold
        checker.Observe(Chunk(CrmObjectType.Lead, "leads.csv", new Row("L-1", 2, Account: "ACC-9")));
        checker.Observe(Chunk(CrmObjectType.Account, "accounts.csv", new Row("ACC-1", 2, Account: "ACC-9")));

        // Then only contacts and deals are checked
        Assert.Empty(checker.Warnings);
    }

    [Fact]
    public void Observe_ManyMissingReferences_CountsAllKeepsTwentyExamplesInOrder()
    {
        // Given an expected but empty ACCOUNT export
        var checker = Expecting(CrmObjectType.Account);

        // When 50 contacts over two chunks point at unknown accounts
        var rows = Enumerable.Range(1, 50).Select(i => new Row($"C-{i}", i + 1, Account: $"ACC-{i}")).ToArray();
        checker.Observe(Chunk(CrmObjectType.Contact, "contacts.csv", rows[..30]));
        checker.Observe(Chunk(CrmObjectType.Contact, "contacts.csv", rows[30..]));

        // Then all 50 are counted and the first 20 kept as examples
        var warning = Assert.Single(checker.Warnings);
        Assert.Equal(50, warning.Count);
        Assert.Equal(rows[..20].Select(r => r.Id), warning.Examples.Select(e => e.ObjectId));
    }

    [Fact]
    public void Observe_ReferenceSeenBeforeItsTarget_WarnsBecauseChecksFollowDependencyOrder()
    {
        // Given a job with accounts, whose contacts arrive first (the builder never does this: it runs exports
        // in dependency order; the checker relies on it and does not look back)
        var checker = Expecting(CrmObjectType.Account, CrmObjectType.Contact);
        checker.Observe(Chunk(CrmObjectType.Contact, "contacts.csv", new Row("C-1", 2, Account: "ACC-1")));

        // When the account arrives afterwards
        checker.Observe(Chunk(CrmObjectType.Account, "accounts.csv", new Row("ACC-1", 2)));

        // Then the warning given earlier stands
        Assert.Equal(1, Assert.Single(checker.Warnings).Count);
    }
}
