using System.Globalization;
using System.Text;
using System.Text.Json;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Reporting;
using GongCrmBridge.Sources;
using GongCrmBridge.Tests.Mapping;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Tests.Pipeline;

/// <summary>Issue 12's problems, one export each, laid out as the CRMs write them (own data): the dry run's warnings,
/// buckets and reasons, and read = valid + rejected + unchanged + skipped + merged.</summary>
public sealed class RealExportWarningsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The LDJSON files the last dry run wrote.</summary>
    private string[] BatchFiles() => Directory.GetFiles(Path.Combine(_dir.Root, "report", "batches"), "*.ldjson", SearchOption.AllDirectories);

    private async Task<RunSummary> DryRunAsync(string type, string mapping, string export)
    {
        _dir.Write("mapping.yaml", mapping);
        _dir.Write("export.csv", export);
        _dir.Write("job.yaml", $$"""
            integration: { name: Test CRM, ownerEmail: revops@test.example }
            objects:
              - type: {{type}}
                source: { path: export.csv }
                mapping: mapping.yaml
            """);
        var job = JobLoader.Load(Path.Combine(_dir.Root, "job.yaml"), RecordSources.FindMissingColumns);
        var summary = await new DryRunner().RunAsync(job, new RunOptions { ReportDirectory = Path.Combine(_dir.Root, "report"), RunId = "r", Parallelism = 2 });
        Assert.All(summary.ObjectTypes.Values, counts => Assert.True(counts.Balances));
        return summary;
    }

    [Fact]
    public async Task SalesforceWeeklyLeads_TwoAddressesAMixedDateColumnAndEmptyLookups_AreAllSentWhole()
    {
        // A weekly Data Export Service Lead.csv: never-converted leads carry 000000000000000AAA in the Converted...Id
        // columns; a person typed two addresses into one Email cell; LastModifiedDate mixes the API's layout and Excel's.
        var rows = new StringBuilder("Id,LastName,Email,LastModifiedDate,ConvertedAccountId,ConvertedContactId,ConvertedOpportunityId\n");
        rows.Append("00Q5g000001AAAA,Ito,ito@contoso.example,2024-03-01T09:15:00.000Z,000000000000000AAA,000000000000000AAA,000000000000000AAA\n");
        rows.Append("00Q5g000002AAAA,Okafor,\"A.Okafor@Contoso.example; ada@home.example\",3/2/2024 4:30 PM,000000000000000AAA,000000000000000AAA,000000000000000AAA\n");
        rows.Append("00Q5g000003AAAA,Silva,silva@contoso.example,2024-03-03T11:00:00.000Z,0015g00000XyZ01AAD,0035g00000Ab001AAB,0065g00000Op001AAB\n");
        for (var i = 4; i <= 12; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"00Q5g00000{i:D1}AAAA,Lead {i},lead{i}@contoso.example,3/{i}/2024 10:00 AM,000000000000000AAA,000000000000000AAA,000000000000000AAA\n");
        }

        var summary = await DryRunAsync("LEAD", """
            objectType: LEAD
            objectId: Id
            modifiedDate: { column: LastModifiedDate, format: ["yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "M/d/yyyy h:mm tt"] }
            fields:
              lastName: LastName
              emailAddress: { column: Email, split: [";", ",", " "], transform: [first, lower] }
              convertedToAccountId: ConvertedAccountId
              convertedToContactId: ConvertedContactId
              convertedToDealId: ConvertedOpportunityId
            """, rows.ToString());

        // Every lead is sent, none loses a field: the placeholder reads as empty, the first address is kept, both layouts parse
        Assert.Equal((12L, 12L, 0L), (summary.ObjectTypes["LEAD"].Read, summary.ObjectTypes["LEAD"].Valid, summary.ObjectTypes["LEAD"].Rejected));
        Assert.Empty(summary.Warnings);
        Assert.Equal(["objectType,source,line,objectId,field,reason"], await File.ReadAllLinesAsync(Path.Combine(_dir.Root, "report", FieldIssuesCsvWriter.FileName)));
        var leads = BatchFiles().SelectMany(File.ReadLines)
            .ToDictionary(l => JsonDocument.Parse(l).RootElement.GetProperty("objectId").GetString()!, StringComparer.Ordinal);
        Assert.DoesNotContain("000000000000000AAA", string.Join('\n', leads.Values), StringComparison.Ordinal);
        Assert.Contains("\"convertedToDealId\":\"0065g00000Op001AAB\"", leads["00Q5g000003AAAA"], StringComparison.Ordinal);
        Assert.Contains("\"emailAddress\":\"a.okafor@contoso.example\"", leads["00Q5g000002AAAA"], StringComparison.Ordinal);
        Assert.Contains("\"modifiedDate\":\"2024-03-02T16:30:00Z\"", leads["00Q5g000002AAAA"], StringComparison.Ordinal);
        Assert.Contains("\"modifiedDate\":\"2024-03-01T09:15:00Z\"", leads["00Q5g000001AAAA"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DynamicsWonLost_CaughtByTheCatchAll_IsWarned()
    {
        // Dynamics 365 opportunity export: statecode text Open / Won / Lost, the map expects Salesforce's spelling.
        var rows = new StringBuilder("(Do Not Modify) Opportunity,Topic,Status,Est. Close Date,Modified On,Account\n");
        for (var i = 0; i < 20; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"a1b2c3d4-0000-0000-0000-{i:D12},Deal {i},{(i % 2 == 0 ? "Won" : "Lost")},3/{i % 28 + 1}/2024,3/1/2024 9:15 AM,ACC-{i}\n");
        }

        var summary = await DryRunAsync("DEAL", """
            objectType: DEAL
            objectId: "(Do Not Modify) Opportunity"
            modifiedDate: { column: Modified On, format: "M/d/yyyy h:mm tt" }
            fields:
              name: Topic
              accountId: Account
              status: { column: Status, map: { "Closed Won": WON, "Closed Lost": LOST, "*": OPEN } }
              closeDate: { column: Est. Close Date, format: "M/d/yyyy" }
            """, rows.ToString());

        var warning = Assert.Single(summary.Warnings, w => w.Code == "catch-all-dominant");
        Assert.Equal(("DEAL", "status", 20L), (warning.ObjectType, warning.Field, warning.Count));
        Assert.Contains("20 of 20 (100%)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(20L, summary.ObjectTypes["DEAL"].Valid);
    }

    [Fact]
    public async Task ExcelResavedHubSpotExport_IdsInScientificNotation_AreRejectedAndWarnedAsExcelDamage()
    {
        // A HubSpot contacts export opened and saved in Excel: two Record IDs became 1.10416E+11, one company id too.
        var rows = new StringBuilder("Record ID,Email,Last Modified Date,Record ID - Company\n");
        rows.Append("110416339271,a@x.example,3/1/24 9:15,5012345678\n");
        rows.Append("1.10416E+11,b@x.example,3/1/24 9:15,5012345678\n");
        rows.Append("1.10417E+11,c@x.example,3/1/24 9:15,5012345678\n");
        rows.Append("110416339274,d@x.example,3/1/24 9:15,5.01235E+09\n");
        rows.Append("110416339275,e@x.example,3/1/24 9:15,5012345678\n");

        var summary = await DryRunAsync("CONTACT", """
            objectType: CONTACT
            objectId: Record ID
            modifiedDate: { column: Last Modified Date, format: "M/d/yy H:mm" }
            fields:
              emailAddress: Email
              accountId: Record ID - Company
            """, rows.ToString());

        var warnings = summary.Warnings.Where(w => w.Code == "excel-damage").ToList();
        Assert.Equal([("CONTACT", "objectId", 2L), ("CONTACT", "accountId", 1L)], warnings.Select(w => (w.ObjectType, w.Field, w.Count)));
        Assert.All(warnings, w => Assert.Contains("scientific notation", w.Message, StringComparison.Ordinal));
        Assert.Equal((5L, 2L), (summary.ObjectTypes["CONTACT"].Read, summary.ObjectTypes["CONTACT"].Rejected));
    }

    [Fact]
    public async Task BusinessUsersSharingAnEmail_AreWarnedAsSharedEmail()
    {
        // Salesforce users: an integration user and a person, both with the admin's address (any case).
        var rows = new StringBuilder("Id,Email,LastModifiedDate\n");
        rows.Append("005A00000000000001,admin@acme.example,2024-03-01T10:00:00.000Z\n");
        rows.Append("005A00000000000002,Admin@Acme.example,2024-03-01T10:00:00.000Z\n");
        rows.Append("005A00000000000003,ana@acme.example,2024-03-01T10:00:00.000Z\n");

        var summary = await DryRunAsync("BUSINESS_USER", """
            objectType: BUSINESS_USER
            objectId: Id
            modifiedDate: LastModifiedDate
            fields:
              emailAddress: Email
            """, rows.ToString());

        var warning = Assert.Single(summary.Warnings, w => w.Code == "shared-email");
        Assert.Equal(("BUSINESS_USER", "emailAddress", 2L), (warning.ObjectType, warning.Field, warning.Count));
        Assert.DoesNotContain(summary.Warnings, w => w.Code == "excel-damage");
    }

    [Fact]
    public async Task HubSpotNullPhones_AndSalesforcePlaceholders_AreEmpty()
    {
        // HubSpot contact export writes missing values as the text null; Salesforce data export writes an empty lookup
        // as 000000000000000AAA.
        var rows = new StringBuilder("Id,LastModifiedDate,Phone,AccountId,Email\n");
        for (var i = 0; i < 12; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"003A{i:D14},2024-03-01T10:00:00.000Z,{(i < 9 ? "null" : "+1 555 0100")},{(i < 11 ? "000000000000000AAA" : "001A00000000000001")},c{i}@x.example\n");
        }

        var summary = await DryRunAsync("CONTACT", """
            objectType: CONTACT
            objectId: Id
            modifiedDate: LastModifiedDate
            fields:
              phoneNumber: Phone
              accountId: AccountId
              emailAddress: Email
            """, rows.ToString());

        Assert.Equal((12L, 12L), (summary.ObjectTypes["CONTACT"].Read, summary.ObjectTypes["CONTACT"].Valid));
        var batch = string.Join("\n", BatchFiles().Select(File.ReadAllText));
        Assert.DoesNotContain("000000000000000AAA", batch, StringComparison.Ordinal);
        Assert.DoesNotContain("\"null\"", batch, StringComparison.Ordinal);
        Assert.DoesNotContain(summary.Warnings, w => w.Code == "placeholder-value");
    }

    [Fact]
    public async Task PlaceholderThatIsNotANullWord_IsWarned()
    {
        var rows = new StringBuilder("Id,Modified,OwnerId,Name\n");
        for (var i = 0; i < 20; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"D-{i},2024-03-01,{(i == 0 ? "U-7" : "UNASSIGNED")},Deal {i}\n");
        }

        var summary = await DryRunAsync("DEAL", "objectType: DEAL\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  name: Name\n  ownerId: OwnerId\n", rows.ToString());

        var warning = Assert.Single(summary.Warnings, w => w.Code == "placeholder-value");
        // The count is exact from the row the vote settles on the value (the second UNASSIGNED here).
        Assert.Equal(("ownerId", 18L), (warning.Field, warning.Count));
        Assert.Contains("'UNASSIGNED'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(20L, Assert.Single(summary.Warnings, w => w.Code == "deal-without-account").Count);
        Assert.Equal(20L, Assert.Single(summary.Warnings, w => w.Code == "deal-without-close-date").Count);
    }

    [Theory]
    [InlineData("3/14/24 9:05 AM", "12/1/23 11:40 PM", "M/d/yy h:mm tt")] // a Salesforce report
    [InlineData("14.03.2024", "01.12.2023", "dd.MM.yyyy")] // Odoo or Dynamics in a German locale
    [InlineData("14/03/2024 09:05", "01/12/2023 23:40", "dd/MM/yyyy HH:mm")] // Excel in a British or French locale
    [InlineData("14-Mar-24", "1-Dec-23", "d-MMM-yy")] // Excel's default date cell written out
    public async Task DateColumnInAnotherLayout_IsOneMappingProblemWithASuggestedFormat(string first, string second, string format)
    {
        // An export whose modification dates are in a local layout where the mapping expects ISO-8601.
        var summary = await DryRunAsync(
            "ACCOUNT",
            "objectType: ACCOUNT\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  name: Name\n",
            $"Id,Modified,Name\n001A,{first},Acme\n001B,{second},Globex\n");

        var warning = Assert.Single(summary.Warnings, w => w.Code == "same-failure");
        Assert.Equal(("modifiedDate", 2L), (warning.Field, warning.Count));
        Assert.Contains($"format: \"{format}\"", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2L, summary.ObjectTypes["ACCOUNT"].Rejected);
    }

    [Fact]
    public async Task RepeatedHeader_SecondColumnIsNameHash2()
    {
        // Odoo CRM export: two "Email" columns (the lead's and its partner's).
        var summary = await DryRunAsync(
            "LEAD",
            "objectType: LEAD\nobjectId: { column: ID, transform: [{ replace: [\".\", \"_\"] }] }\nmodifiedDate: Last Updated on\nfields:\n  emailAddress: { column: [Email, Email#2] }\n",
            "ID,Email,Last Updated on,Email\n__export__.crm_lead_1,,2024-03-01 10:00:00,partner@x.example\n");

        Assert.Equal(1L, summary.ObjectTypes["LEAD"].Valid);
        var warning = Assert.Single(summary.Warnings, w => w.Code == "duplicate-header");
        Assert.Equal("Email", warning.Field);
        var batch = string.Join("\n", BatchFiles().Select(File.ReadAllText));
        Assert.Contains("partner@x.example", batch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_SkippedRowsBalanceTheSummary_AndPicklistOutsideTheListIsOmitted()
    {
        var summary = await DryRunAsync("LEAD", """
            objectType: LEAD
            objectId: Id
            modifiedDate: LastModifiedDate
            where: { column: IsConverted, notIn: ["true", "1"] }
            customFields:
              product: { column: Product, type: PICKLIST, values: [GTX, GTX Pro] }
            """,
            "Id,LastModifiedDate,IsConverted,Product\nL1,2024-03-01,false,GTX\nL2,2024-03-01,true,GTX\nL3,2024-03-01,false,GTXPro\n");

        var lead = summary.ObjectTypes["LEAD"];
        Assert.Equal((3L, 2L, 0L, 1L), (lead.Read, lead.Valid, lead.Rejected, lead.Skipped));
        var issues = await File.ReadAllLinesAsync(Path.Combine(_dir.Root, "report", FieldIssuesCsvWriter.FileName));
        Assert.Equal("LEAD,export.csv,4,L3,product,\"custom field 'product' (column 'Product') is not one of the PICKLIST values (got 'GTXPro'; allowed: GTX, GTX Pro)\"", Assert.Single(issues[1..]));
    }

    [Fact]
    public async Task OptionalColumnMissingFromTheExport_IsNotAConfigurationError()
    {
        var summary = await DryRunAsync(
            "LEAD",
            "objectType: LEAD\nobjectId: Id\nmodifiedDate: M\nfields:\n  convertedToDealId: { column: ConvertedOpportunityId, optional: true }\n",
            "Id,M\nL1,2024-03-01\n");

        Assert.Equal(1L, summary.ObjectTypes["LEAD"].Valid);
    }

    [Fact]
    public async Task StagesDerivedFromDeals_BecomeOneFileWithOneRecordPerStage()
    {
        // The usual case: no stage table, so the STAGE mapping reads the deal export; every deal repeats its stage.
        var rows = new StringBuilder("Id,StageName,LastModifiedDate\n");
        string[] stages = ["Prospecting", "Qualification", "Negotiation/Review", "Closed Won"];
        for (var i = 0; i < 400; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"006A{i:D14},{stages[i % 4]},2024-03-{i % 28 + 1:D2}T10:00:00Z\n");
        }

        var summary = await DryRunAsync("STAGE", """
            objectType: STAGE
            objectId: { column: StageName, transform: [slug] }
            modifiedDate: LastModifiedDate
            fields:
              name: StageName
            """, rows.ToString());

        var stage = summary.ObjectTypes["STAGE"];
        Assert.Equal((400L, 4L, 396L, 1), (stage.Read, stage.Valid, stage.Merged, stage.Files));
        var file = Assert.Single(BatchFiles());
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"objectId\":\"closed-won\",\"modifiedDate\":\"2024-03-28T10:00:00Z\"", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Warnings, w => w.Code == "duplicate-object-id");
    }

    [Fact]
    public async Task NonUniqueKey_LaterLineWins_AndIsWarned()
    {
        // A composite key that is not unique: two different deals share it and their modification time.
        var summary = await DryRunAsync(
            "DEAL",
            "objectType: DEAL\nobjectId: { template: \"{Account}-{Year}\" }\nmodifiedDate: M\nfields:\n  name: Name\n  accountId: Account\n  closeDate: Close\n",
            "Account,Year,M,Name,Close\nA1,2024,2024-03-01T00:00:00Z,Renewal,2024-06-30\nA1,2024,2024-03-01T00:00:00Z,Upsell,2024-06-30\nA2,2024,2024-03-01T00:00:00Z,New,2024-06-30\n");

        var deal = summary.ObjectTypes["DEAL"];
        Assert.Equal((3L, 2L, 1L), (deal.Read, deal.Valid, deal.Merged));
        Assert.Equal(1L, Assert.Single(summary.Warnings, w => w.Code == "duplicate-object-id").Count);
        var batch = await File.ReadAllTextAsync(Assert.Single(BatchFiles()));
        Assert.Contains("Upsell", batch, StringComparison.Ordinal);
        Assert.DoesNotContain("Renewal", batch, StringComparison.Ordinal);
    }
}
