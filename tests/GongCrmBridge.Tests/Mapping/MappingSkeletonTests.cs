using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;

namespace GongCrmBridge.Tests.Mapping;

public sealed class MappingSkeletonTests
{
    [Fact]
    public void Create_SalesforceLikeAccountHeader_GuessesObviousFieldsAndLoads()
    {
        // Given an account export header
        string[] header = ["Account ID", "Account Name", "Website", "Last Modified Date", "Industry", "Annual Revenue", "Is Deleted"];

        // When a skeleton is created
        var yaml = MappingSkeleton.Create(CrmObjectType.Account, header, "accounts.csv");

        // Then it maps the obvious columns and lists the others as custom-field candidates
        Assert.Contains("objectId: \"Account ID\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("modifiedDate: { column: \"Last Modified Date\" }", yaml, StringComparison.Ordinal);
        Assert.Contains("isDeleted: { column: \"Is Deleted\" }\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  name: \"Account Name\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  domains: { column: Website, transform: [domain] }\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  # industry: { column: Industry, type: STRING, label: Industry }\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  # annualRevenue: { column: \"Annual Revenue\", type: CURRENCY, label: \"Annual Revenue\" }\n", yaml, StringComparison.Ordinal);

        // And it loads as a mapping, reading exactly the guessed columns
        using var dir = new TempDir();
        var mapping = MappingLoader.Load(dir.Write("account.yaml", yaml), CrmObjectType.Account);
        Assert.Equal(["Account ID", "Last Modified Date", "Is Deleted", "Account Name", "Website"], mapping.Columns);
    }

    [Theory]
    [InlineData(CrmObjectType.BusinessUser, new[] { "Id", "Email", "LastModified", "Region" })]
    [InlineData(CrmObjectType.Stage, new[] { "StageId", "Stage Name", "SortOrder", "IsActive", "LastModifiedDate" })]
    [InlineData(CrmObjectType.Contact, new[] { "ContactId", "AccountId", "FirstName", "LastName", "Email", "Phone", "Title", "UpdatedAt", "Twitter" })]
    [InlineData(CrmObjectType.Deal, new[] { "Opportunity ID", "AccountId", "OwnerId", "Name", "Amount", "CloseDate", "StageName", "CreatedDate", "LastModifiedDate" })]
    [InlineData(CrmObjectType.Lead, new[] { "Lead ID", "Email", "First Name", "Last Name", "Modified" })]
    public void Create_EveryObjectType_GivesALoadableMapping(CrmObjectType type, string[] header)
    {
        var yaml = MappingSkeleton.Create(type, header, "export.csv");

        using var dir = new TempDir();
        var mapping = MappingLoader.Load(dir.Write("m.yaml", yaml), type);

        Assert.Equal(type, mapping.ObjectType);
        Assert.All(mapping.Columns, c => Assert.Contains(c, header));
    }

    [Fact]
    public void Create_NoRecognisableColumns_LeavesTodosThatExplainThemselves()
    {
        var yaml = MappingSkeleton.Create(CrmObjectType.Account, ["Foo", "Bar"], "x.csv");

        Assert.Contains("objectId: Id   # TODO", yaml, StringComparison.Ordinal);
        Assert.Contains("modifiedDate: { value: now }   # TODO", yaml, StringComparison.Ordinal);
        Assert.Contains("  # foo: { column: Foo, type: STRING, label: Foo }", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Billing Country", "STRING")]
    [InlineData("Account Owner ID", "ID")]
    [InlineData("Employee Count", "NUMBER")]
    [InlineData("Format", "STRING")]
    [InlineData("createdAt", "DATETIME")]
    [InlineData("Renewal Date", "DATE")]
    public void Create_OtherColumns_AreSuggestedWithAPlausibleType(string column, string expectedType)
    {
        var yaml = MappingSkeleton.Create(CrmObjectType.Account, ["Id", "Name", column], "accounts.csv");

        Assert.Contains($"type: {expectedType},", yaml, StringComparison.Ordinal);
    }
}
