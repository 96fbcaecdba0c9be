using GongCrmBridge.Cli.Tests.Infrastructure;

namespace GongCrmBridge.Cli.Tests;

/// <summary><c>init</c> reads the data, recognises a CRM's export and starts from its ready-made mapping, writes
/// whole jobs; <c>validate</c> points to the ready-made set when a mapping does not fit its export.</summary>
public sealed class InitCommandTests
{
    [Theory]
    [InlineData("salesforce/exports/Opportunity.csv", "DEAL", "mappings/salesforce/deal.yaml")]
    [InlineData("salesforce/exports/User.csv", "BUSINESS_USER", "mappings/salesforce/business-user.yaml")]
    [InlineData("hubspot/exports/contacts.csv", "CONTACT", "mappings/hubspot/contact.yaml")]
    [InlineData("dynamics365/exports/opportunities.csv", "DEAL", "mappings/dynamics365/deal.yaml")]
    [InlineData("pipedrive/exports/people.csv", "CONTACT", "mappings/pipedrive/contact.yaml")]
    [InlineData("zoho/exports/Accounts.csv", "ACCOUNT", "mappings/zoho/account.yaml")]
    [InlineData("odoo/exports/crm_lead.csv", "DEAL", "mappings/odoo/deal.yaml")]
    public async Task Init_ACrmsExport_WithoutType_StartsFromThatCrmsReadyMadeMapping(string export, string type, string readyMade)
    {
        var result = await CliRunner.RunAsync(null, "init", "--csv", Repository.PathOf("samples", export));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"started from {readyMade}.", result.Out, StringComparison.Ordinal);
        Assert.Contains($"\nobjectType: {type}\n", result.Out, StringComparison.Ordinal);
        var readyMadeText = await File.ReadAllTextAsync(Repository.PathOf(readyMade.Split('/')));
        Assert.Contains(readyMadeText.TrimEnd(), result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("salesforce/exports/User.csv", null, 6)]
    [InlineData("salesforce/exports/Opportunity.csv", null, 24)]
    [InlineData("salesforce-weekly/exports/Lead.csv", "latin1", 12)]
    [InlineData("salesforce-report/exports/opportunities.csv", null, -1)]
    [InlineData("hubspot/exports/companies.csv", null, 10)]
    [InlineData("hubspot/exports/contacts.csv", null, 14)]
    [InlineData("dynamics365/exports/users.csv", null, 5)]
    [InlineData("dynamics365/exports/opportunities.csv", null, 24)]
    [InlineData("pipedrive/exports/people.csv", null, 16)]
    [InlineData("zoho/exports/Deals.csv", null, 24)]
    [InlineData("odoo/exports/crm_lead.csv", null, 24)]
    public async Task Init_ACrmsExport_PrintedMappingLoadsAndValidatesItsRows(string export, string? encoding, int expectedValid)
    {
        // Given the mapping init prints for a CRM's export, in a one-object job over that export
        var csv = Repository.PathOf(["samples", .. export.Split('/')]);
        var init = await CliRunner.RunAsync(null, "init", "--csv", csv);
        Assert.True(init.ExitCode == 0, init.All);
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("mapping.yaml"), init.Out);
        var type = init.Out.Split('\n').First(l => l.StartsWith("objectType: ", StringComparison.Ordinal))["objectType: ".Length..];
        await File.WriteAllTextAsync(dir.File("job.yaml"),
            $"integration: {{ name: Test, ownerEmail: revops@example.com }}\nobjects:\n  - type: {type}\n    source: {{ path: \"{csv}\", encoding: {encoding ?? "utf-8"} }}\n    mapping: mapping.yaml\n");

        // When the job is validated
        using var report = new TempDirectory();
        var validate = await CliRunner.RunAsync(null, "validate", "--job", dir.File("job.yaml"), "--report", report.Path);

        // Then the mapping loads, and the rows a person would accept are valid
        Assert.True(validate.ExitCode is 0 or 3, validate.All + "\n" + init.Out);
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report.Path, "summary.json")));
        var valid = json.RootElement.GetProperty("objectTypes").GetProperty(type).GetProperty("valid").GetInt64();
        Assert.True(expectedValid < 0 ? valid > 0 : valid == expectedValid, $"{valid} valid\n{validate.All}");
    }

    [Fact]
    public async Task Init_OdooPartnersAsContacts_TakesTheContactMappingOfTheSameSet()
    {
        var result = await CliRunner.RunAsync(null, "init", "--type", "CONTACT", "--csv", Repository.PathOf("samples", "odoo", "exports", "res_partner.csv"));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("started from mappings/odoo/contact.yaml.", result.Out, StringComparison.Ordinal);
        Assert.Contains("  # website: { column: website, type: URL,", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_AnUnknownCrmsDeals_PrintedMappingValidatesTheRowsAsAPersonWould()
    {
        // Given a deals export of no known CRM: Spanish outcomes, US date-times, en-US amounts
        using var dir = new TempDirectory();
        var csv = dir.File("oportunidades.csv");
        await File.WriteAllTextAsync(csv,
            "DealId,Deal Name,Cuenta,Resultado,Amount,CloseDate,Modified\n" +
            "OP-1,Alpha,AC-1,Abierta,\"1,250.50\",6/30/2024,3/4/2024 10:15 AM\n" +
            "OP-2,Beta,AC-2,Ganada,\"12,000.00\",7/1/2024,3/5/2024 2:40 PM\n" +
            "OP-3,Gamma,AC-1,Perdida,500.00,7/2/2024,3/6/2024 9:00 AM\n" +
            "OP-4,Delta,AC-3,Ganada,\"7,000.00\",12/15/2024,12/16/2024 11:59 PM\n");

        // When init prints a mapping (type guessed from the data) and a job runs it
        var init = await CliRunner.RunAsync(null, "init", "--type", "DEAL", "--csv", csv);
        Assert.True(init.ExitCode == 0, init.All);
        await File.WriteAllTextAsync(dir.File("deal.yaml"), init.Out);
        await File.WriteAllTextAsync(dir.File("job.yaml"),
            "integration: { name: Test, ownerEmail: revops@example.com }\nobjects:\n  - type: DEAL\n    source: { path: oportunidades.csv }\n    mapping: deal.yaml\n");
        using var report = new TempDirectory();
        var validate = await CliRunner.RunAsync(null, "sync", "--dry-run", "--keep-batches", "--job", dir.File("job.yaml"), "--report", report.Path);

        // Then every row is valid, the status split as the words say, and the dates were read
        Assert.True(validate.ExitCode == 0, validate.All + "\n" + init.Out);
        var lines = Directory.GetFiles(Path.Combine(report.Path, "batches"), "*", SearchOption.AllDirectories).SelectMany(File.ReadAllLines).Where(l => l.Contains("\"objectId\":\"OP-", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(2, lines.Count(l => l.Contains("\"status\":\"WON\"", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains("\"status\":\"LOST\"", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("\"status\":\"OPEN\"", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("\"closeDate\":\"2024-12-15\"", StringComparison.Ordinal) && l.Contains("\"modifiedDate\":\"2024-12-16T23:59:00Z\"", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("\"amount\":12000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Init_Job_WritesAMappingPerExportAndAJobThatValidates()
    {
        // Given two exports of no known CRM
        using var exports = new TempDirectory();
        await File.WriteAllTextAsync(exports.File("accounts.csv"), "AccountId,Account Name,Website,Updated At\nA-1,Acme,https://acme.example,2024-03-04T10:15:00Z\nA-2,Globex,globex.example,2024-03-05T10:15:00Z\n");
        await File.WriteAllTextAsync(exports.File("deals.csv"), "DealId,AccountId,Deal Name,Stage,Amount,Updated At\nD-1,A-1,Renewal,Closed Won,100,2024-03-06T10:15:00Z\nD-2,A-2,Pilot,Closed Lost,50,2024-03-07T10:15:00Z\n");
        using var job = new TempDirectory();

        // When init writes a job for both
        var init = await CliRunner.RunAsync(null, "init", "--job", job.Path, "--csv", exports.File("deals.csv"), "--csv", exports.File("accounts.csv"));

        // Then each export has its mapping, the job lists them in dependency order, and it validates
        Assert.True(init.ExitCode == 0, init.All);
        Assert.True(File.Exists(job.File("account.yaml")) && File.Exists(job.File("deal.yaml")), init.All);
        var jobText = await File.ReadAllTextAsync(job.File("job.yaml"));
        Assert.True(jobText.IndexOf("type: ACCOUNT", StringComparison.Ordinal) < jobText.IndexOf("type: DEAL", StringComparison.Ordinal), jobText);
        using var report = new TempDirectory();
        var validate = await CliRunner.RunAsync(null, "validate", "--job", job.File("job.yaml"), "--report", report.Path);
        Assert.True(validate.ExitCode == 0, validate.All + "\n" + jobText);

        // And a second run refuses to overwrite them
        var again = await CliRunner.RunAsync(null, "init", "--job", job.Path, "--csv", exports.File("deals.csv"));
        Assert.Equal(2, again.ExitCode);
    }

    [Fact]
    public async Task Init_Job_OdooExports_WritesEveryTypeTheyFeedAndCountsAsTheReadyMadeSampleJob()
    {
        // Given Odoo's three exports: res_partner.csv holds accounts and contacts, crm_lead.csv deals, leads and stages
        string[] exports = ["res_users.csv", "res_partner.csv", "crm_lead.csv"];
        using var job = new TempDirectory();

        // When init writes a job for them
        var init = await CliRunner.RunAsync(null, ["init", "--job", job.Path, .. exports.SelectMany(e => new[] { "--csv", Repository.PathOf("samples", "odoo", "exports", e) })]);

        // Then the job has all six types, each from Odoo's ready-made mapping
        Assert.True(init.ExitCode == 0, init.All);
        var jobText = await File.ReadAllTextAsync(job.File("job.yaml"));
        foreach (var type in new[] { "BUSINESS_USER", "STAGE", "ACCOUNT", "CONTACT", "DEAL", "LEAD" })
        {
            Assert.Contains($"type: {type}\n", jobText, StringComparison.Ordinal);
        }

        Assert.Equal(6, init.Out.Split('\n').Count(l => l.Contains("(from mappings/odoo/", StringComparison.Ordinal)));

        // And it validates to the same counts, type by type, as the ready-made sample job over the same files
        using var ours = new TempDirectory();
        using var sample = new TempDirectory();
        var validated = await CliRunner.RunAsync(null, "validate", "--job", job.File("job.yaml"), "--report", ours.Path);
        var reference = await CliRunner.RunAsync(null, "validate", "--job", Repository.PathOf("samples", "odoo", "job.yaml"), "--report", sample.Path);
        Assert.Equal(reference.ExitCode, validated.ExitCode);
        var expected = Report.Read(sample.Path).Summary.ObjectTypes;
        var actual = Report.Read(ours.Path).Summary.ObjectTypes;
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, counts) in expected)
        {
            Assert.True(counts.Read > 0, type);
            Assert.Equal((counts.Read, counts.Valid, counts.Rejected, counts.Skipped, counts.Merged), (actual[type].Read, actual[type].Valid, actual[type].Rejected, actual[type].Skipped, actual[type].Merged));
        }
    }

    [Theory]
    [InlineData(false, "mappings/salesforce/stage-from-deals.yaml")]
    [InlineData(true, "mappings/salesforce/stage.yaml")]
    public async Task Init_Job_DealsExport_AddsStagesFromDealsOnlyWithoutAStageExport(bool withStageExport, string stageMapping)
    {
        // Given Salesforce's accounts and opportunities, with or without its OpportunityStage export
        string[] exports = withStageExport ? ["Account.csv", "Opportunity.csv", "OpportunityStage.csv"] : ["Account.csv", "Opportunity.csv"];
        using var job = new TempDirectory();

        // When init writes a job for them
        var init = await CliRunner.RunAsync(null, ["init", "--job", job.Path, .. exports.SelectMany(e => new[] { "--csv", Repository.PathOf("samples", "salesforce", "exports", e) })]);

        // Then the job has exactly one STAGE entry: from the stage export when given, else derived from the deals
        Assert.True(init.ExitCode == 0, init.All);
        var jobText = await File.ReadAllTextAsync(job.File("job.yaml"));
        Assert.Single(jobText.Split('\n'), l => l.Contains("type: STAGE", StringComparison.Ordinal));
        Assert.Contains($"STAGE: {(withStageExport ? "OpportunityStage.csv" : "Opportunity.csv")} -> stage.yaml (from {stageMapping})", init.Out.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_NoTypeAndNothingTells_ExitsTwoAskingForType()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("export.csv"), "Foo,Bar\n1,2\n");

        var result = await CliRunner.RunAsync(null, "init", "--csv", dir.File("export.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--type", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_AMappingForAnotherLayout_NamesTheCrmTheHeaderLooksLike()
    {
        // Given the Acme deal mapping pointed at a HubSpot deals export
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("job.yaml"),
            $"integration: {{ name: Test, ownerEmail: revops@example.com }}\nobjects:\n  - type: DEAL\n    source: {{ path: \"{Repository.PathOf("samples", "hubspot", "exports", "deals.csv")}\" }}\n    mapping: \"{Repository.PathOf("mappings", "acme", "deal.yaml")}\"\n");

        var result = await CliRunner.RunAsync(null, "validate", "--job", dir.File("job.yaml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("this header looks like a HubSpot export (DEAL); see mappings/hubspot/deal.yaml", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_AmountsWrittenWithCurrencySigns_MapsThemAsNumbersThatValidate()
    {
        // Given a custom CRM's deals as Excel writes amounts: "$24,000,000.00" (en-US) and "1.234,50 €" (de-DE)
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("deals.csv"), """
            Id,Deal Name,Stage,Amount,Contract Value,Close Date,Updated
            D-1,Big one,Won,"$24,000,000.00","1.234,50 €",2024-06-30,2024-03-01 10:00:00
            D-2,Small,Open,"-$1,200.50","500,00 €",2024-07-15,2024-03-02 11:30:00
            D-3,Mid,Lost,"$85,000.00","12,00 €",2024-08-01,2024-03-03 09:15:00

            """);

        // When init proposes the mapping (the custom field uncommented) and the job is validated
        var init = await CliRunner.RunAsync(null, "init", "--csv", dir.File("deals.csv"), "--type", "DEAL");
        Assert.True(init.ExitCode == 0, init.All);
        Assert.Contains("amount: { column: Amount, type: number, culture: en-US, transform: [{ replace: [\"$\", \"\"] }] }", init.Out, StringComparison.Ordinal);
        Assert.Contains("contractValue: { column: \"Contract Value\", type: CURRENCY, culture: de-DE, transform: [{ replace: [\"€\", \"\"] }]", init.Out, StringComparison.Ordinal);
        await File.WriteAllTextAsync(dir.File("deal.yaml"), init.Out.Replace("# contractValue:", "contractValue:", StringComparison.Ordinal));
        await File.WriteAllTextAsync(dir.File("job.yaml"), """
            integration: { name: Test, ownerEmail: revops@example.com }
            objects:
              - type: DEAL
                source: { path: deals.csv }
                mapping: deal.yaml
            """);
        using var report = new TempDirectory();
        var validate = await CliRunner.RunAsync(null, "validate", "--job", dir.File("job.yaml"), "--report", report.Path);

        // Then every deal is valid, with its amounts as numbers
        Assert.True(validate.ExitCode == 0, validate.All + "\n" + init.Out);
        var batch = Assert.Single(Directory.GetFiles(Path.Combine(report.Path, "batches", "deal"), "*.ldjson"));
        var deals = (await File.ReadAllLinesAsync(batch)).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([24_000_000m, -1_200.50m, 85_000m], deals.Select(d => d.GetProperty("amount").GetDecimal()));
        Assert.Equal([1_234.50m, 500m, 12m], deals.Select(d => d.GetProperty("contractValue").GetDecimal()));
    }
}
