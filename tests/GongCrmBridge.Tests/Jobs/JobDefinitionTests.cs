using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Sources;
using static GongCrmBridge.Tests.Mapping.MappingTestKit;

namespace GongCrmBridge.Tests.Jobs;

public sealed class JobDefinitionTests
{
    private const string AccountWithTier = AccountHeader + """

        customFields:
          tier: { column: Tier, type: PICKLIST, label: Tier, values: [Gold, Silver] }
        """;

    private const string AccountWithTierAndRegion = AccountHeader + """

        customFields:
          tier: { column: Tier2, type: STRING, label: Other tier }
          region: { column: Region, type: STRING, label: Region }
        """;

    private const string User = """
        objectType: BUSINESS_USER
        objectId: Id
        modifiedDate: Modified
        fields:
          emailAddress: Email
        """;

    private const string Deal = """
        objectType: DEAL
        objectId: Id
        modifiedDate: Modified
        """;

    [Fact]
    public void CustomFieldsByType_TwoMappingsOfOneType_ListEachFieldOnceAsTheFirstDeclaresIt()
    {
        var job = Job(User, AccountWithTier, AccountWithTierAndRegion, Deal);

        var fields = job.CustomFieldsByType();

        Assert.Equal([CrmObjectType.Account, CrmObjectType.Deal], fields.Keys.Order());
        Assert.Equal([("tier", CrmFieldType.PICKLIST), ("region", CrmFieldType.STRING)], fields[CrmObjectType.Account].Select(f => (f.UniqueName, f.Type)));
        Assert.Empty(fields[CrmObjectType.Deal]);
    }

    private static JobDefinition Job(params string[] mappings) => new(
        "job.yaml",
        new IntegrationSettings("Acme CRM", "revops@acme.example"),
        BaseUrl: null,
        [.. mappings.Select(yaml => Compile(yaml)).Select(m => new JobObject(m.ObjectType, new SourceSpec("export.csv"), m.MappingPath, m))],
        new JobOptions());
}
