using GongCrmBridge.Gong.Models;
using GongCrmBridge.Onboarding;
using GongCrmBridge.Sources;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Tests.Onboarding;

/// <summary>The header recogniser init and validate share knows every test export of the ready-made sets.</summary>
public sealed class ExportLayoutsTests
{
    public static TheoryData<string, string?, string, string> Exports => new()
    {
        // file under samples/, latin1?, expected folder, expected mapping file
        { "salesforce/exports/User.csv", null, "salesforce", "business-user.yaml" },
        { "salesforce/exports/OpportunityStage.csv", null, "salesforce", "stage.yaml" },
        { "salesforce/exports/Account.csv", null, "salesforce", "account.yaml" },
        { "salesforce/exports/Contact.csv", null, "salesforce", "contact.yaml" },
        { "salesforce/exports/Opportunity.csv", null, "salesforce", "deal.yaml" },
        { "salesforce/exports/Lead.csv", null, "salesforce", "lead.yaml" },
        { "salesforce-weekly/exports/Opportunity.csv", "latin1", "salesforce", "deal.yaml" },
        { "salesforce-report/exports/opportunities.csv", null, "salesforce-report", "deal.yaml" },
        { "salesforce-report/exports/leads.csv", null, "salesforce-report", "lead.yaml" },
        { "hubspot/exports/companies.csv", null, "hubspot", "account.yaml" },
        { "hubspot/exports/contacts.csv", null, "hubspot", "contact.yaml" },
        { "hubspot/exports/deals.csv", null, "hubspot", "deal.yaml" },
        { "dynamics365/exports/users.csv", null, "dynamics365", "business-user.yaml" },
        { "dynamics365/exports/accounts.csv", null, "dynamics365", "account.yaml" },
        { "dynamics365/exports/contacts.csv", null, "dynamics365", "contact.yaml" },
        { "dynamics365/exports/opportunities.csv", null, "dynamics365", "deal.yaml" },
        { "dynamics365/exports/leads.csv", null, "dynamics365", "lead.yaml" },
        { "pipedrive/exports/organizations.csv", null, "pipedrive", "account.yaml" },
        { "pipedrive/exports/people.csv", null, "pipedrive", "contact.yaml" },
        { "pipedrive/exports/deals.csv", null, "pipedrive", "deal.yaml" },
        { "pipedrive/exports/leads.csv", null, "pipedrive", "lead.yaml" },
        { "zoho/exports/Users.csv", null, "zoho", "business-user.yaml" },
        { "zoho/exports/Accounts.csv", null, "zoho", "account.yaml" },
        { "zoho/exports/Contacts.csv", null, "zoho", "contact.yaml" },
        { "zoho/exports/Deals.csv", null, "zoho", "deal.yaml" },
        { "zoho/exports/Leads.csv", null, "zoho", "lead.yaml" },
        { "odoo/exports/res_users.csv", null, "odoo", "business-user.yaml" },
        { "odoo/exports/res_partner.csv", null, "odoo", "account.yaml" },
        { "odoo/exports/crm_lead.csv", null, "odoo", "deal.yaml" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public void Recognize_EveryTestExport_NamesItsReadyMadeMapping(string file, string? encoding, string folder, string mappingFile)
    {
        var header = RecordSources.ReadHeader(new SourceSpec(Sample(file)) { Encoding = encoding ?? "utf-8" });

        var recognized = ExportLayouts.Recognize([.. header]);

        Assert.NotNull(recognized);
        Assert.Equal((folder, mappingFile), (recognized.Layout.Folder, recognized.Layout.MappingFile));
        Assert.True(File.Exists(Path.Combine(Repository.Root, recognized.Layout.MappingPath)), recognized.Layout.MappingPath);
    }

    [Theory]
    [InlineData("odoo/exports/res_partner.csv", CrmObjectType.Contact, "contact.yaml")]
    [InlineData("odoo/exports/crm_lead.csv", CrmObjectType.Lead, "lead.yaml")]
    [InlineData("odoo/exports/crm_lead.csv", CrmObjectType.Stage, "stage.yaml")]
    [InlineData("salesforce/exports/Opportunity.csv", CrmObjectType.Stage, "stage-from-deals.yaml")]
    [InlineData("hubspot/exports/deals.csv", CrmObjectType.Stage, "stage.yaml")]
    public void Recognize_WithTheTypeAFileAlsoHolds_NamesThatTypesMapping(string file, CrmObjectType type, string mappingFile)
    {
        var header = RecordSources.ReadHeader(new SourceSpec(Sample(file)));

        var recognized = ExportLayouts.Recognize([.. header], type);

        Assert.Equal((type, mappingFile), (recognized!.Layout.Type, recognized.Layout.MappingFile));
    }

    [Fact]
    public void Recognize_AHeaderOfNoKnownCrm_IsNull() =>
        Assert.Null(ExportLayouts.Recognize(["AccountId", "AccountName", "LastModified", "Tier"]));

    [Fact]
    public void EveryReadyMadeMapping_IsNamedByALayout()
    {
        var named = ExportLayouts.All.Select(l => l.MappingPath).ToHashSet(StringComparer.Ordinal);
        var files = new[] { "salesforce", "salesforce-report", "hubspot", "dynamics365", "pipedrive", "zoho", "odoo" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Repository.Root, "mappings", folder), "*.yaml").Select(f => $"mappings/{folder}/{Path.GetFileName(f)}"));

        Assert.All(files, file => Assert.Contains(file, named));
    }

    private static string Sample(string file) => Path.Combine(Repository.Root, "samples", file);
}
