using GongCrmBridge.Gong.Models;
using GongCrmBridge.Schema;

namespace GongCrmBridge.Tests.Schema;

public sealed class SchemaDiffTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly CrmSchemaField Tier = new("tier", "Tier", CrmFieldType.PICKLIST, OrderedValueList: ["Gold", "Silver"]);
    private static readonly CrmSchemaField Score = new("healthScore", "Health score", CrmFieldType.PERCENT);

    [Fact]
    public void Compare_SameFields_NeedsNoPush()
    {
        var diff = SchemaDiff.Compare(CrmObjectType.Account, [Tier, Score], [Score, Tier], allowFieldRemoval: false, Now);

        Assert.False(diff.NeedsPush);
        Assert.Empty(diff.Changes);
        Assert.Equal([Tier, Score], diff.FieldsToSend);
    }

    [Fact]
    public void Compare_GongReturnsNoValueListForAPicklist_IsNotAChange()
    {
        var asGongReturnsIt = Tier with { OrderedValueList = null };

        var diff = SchemaDiff.Compare(CrmObjectType.Account, [Tier], [asGongReturnsIt], allowFieldRemoval: false, Now);

        Assert.False(diff.NeedsPush);
    }

    [Fact]
    public void Compare_NewField_IsAddedAndSentWithEveryExistingField()
    {
        var diff = SchemaDiff.Compare(CrmObjectType.Account, [Tier, Score], [Tier], allowFieldRemoval: false, Now);

        Assert.True(diff.NeedsPush);
        var change = Assert.Single(diff.Changes);
        Assert.Equal(("healthScore", SchemaChangeKind.Added), (change.Field, change.Kind));
        Assert.Equal(["tier", "healthScore"], diff.FieldsToSend.Select(f => f.UniqueName));
        Assert.Equal(Now, diff.FieldsToSend.Single(f => f.UniqueName == "healthScore").LastModified);
    }

    [Fact]
    public void Compare_ChangedLabelAndType_IsChangedAndWarnsAboutLostValues()
    {
        var diff = SchemaDiff.Compare(
            CrmObjectType.Account, [Score with { Label = "Health", Type = CrmFieldType.NUMBER }], [Score], allowFieldRemoval: false, Now);

        var change = Assert.Single(diff.Changes);
        Assert.Equal(SchemaChangeKind.Changed, change.Kind);
        Assert.Contains("drops the old field's values", change.Detail, StringComparison.Ordinal);
        Assert.Contains("label", change.Detail, StringComparison.Ordinal);
        Assert.True(diff.NeedsPush);
        Assert.Equal(Score with { Label = "Health", Type = CrmFieldType.NUMBER, LastModified = Now }, Assert.Single(diff.FieldsToSend));
    }

    [Fact]
    public void Compare_PicklistValuesReordered_IsChanged()
    {
        var diff = SchemaDiff.Compare(CrmObjectType.Account, [Tier with { OrderedValueList = ["Silver", "Gold"] }], [Tier], allowFieldRemoval: false, Now);

        Assert.True(diff.NeedsPush);
        Assert.Equal((SchemaChangeKind.Changed, "values"), (Assert.Single(diff.Changes).Kind, diff.Changes[0].Detail));
    }

    [Fact]
    public void Compare_FieldMissingFromJob_IsKeptUnchangedWithoutPush()
    {
        var diff = SchemaDiff.Compare(CrmObjectType.Account, [Tier], [Tier, Score], allowFieldRemoval: false, Now);

        Assert.False(diff.NeedsPush);
        Assert.Equal(SchemaChangeKind.Kept, Assert.Single(diff.Changes).Kind);
        Assert.Equal([Tier, Score], diff.FieldsToSend);
    }

    [Fact]
    public void Compare_FieldMissingFromJobWithRemovalAllowed_IsSentAsDeleted()
    {
        var diff = SchemaDiff.Compare(CrmObjectType.Account, [Tier], [Tier, Score], allowFieldRemoval: true, Now);

        Assert.True(diff.NeedsPush);
        Assert.Equal(SchemaChangeKind.Removed, Assert.Single(diff.Changes).Kind);
        Assert.True(diff.FieldsToSend.Single(f => f.UniqueName == "healthScore").IsDeleted);
    }

    [Fact]
    public void Compare_FieldAlreadyDeletedInGong_IsNeitherKeptNorRemovedAgain()
    {
        var diff = SchemaDiff.Compare(CrmObjectType.Account, [Tier], [Tier, Score with { IsDeleted = true }], allowFieldRemoval: true, Now);

        Assert.False(diff.NeedsPush);
        Assert.Equal(["tier"], diff.FieldsToSend.Select(f => f.UniqueName));
    }
}
