using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Onboarding;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Tests.Mapping;

/// <summary>init reads the data, not only the header: layouts, status words, repeated headers, custom-field names,
/// and YAML that stays valid line by line.</summary>
public sealed class MappingSkeletonDataTests
{
    private static readonly string[] Header =
        ["DealKey", "Deal Name", "Kunde", "Betrag", "Phase", "Ergebnis", "Geändert", "SLA__c", "HasOptedOutOfEmail", "Region", "Region", "CloseDate", "CreatedDate"];

    private static readonly string[][] Rows =
    [
        ["D-1", "Alpha", "K-1", "1.234,50", "Angebot", "Offen", "2024-03-04 10:15", "Gold", "false", "EMEA", "North", "2024-06-30", "3/4/2024 10:15 AM"],
        ["D-2", "Beta", "K-2", "12.000,00", "Verhandlung", "Gewonnen", "3/5/24 9:07", "Silver", "true", "EMEA", "South", "2024-07-01", "3/5/2024 9:00 AM"],
        ["D-3", "Gamma", "K-3", "500,00", "Abschluss", "Verloren", "2024-03-06 11:00", "Gold", "false", "AMER", "West", "2024-07-02", "3/6/2024 1:30 PM"],
        ["D-4", "Delta", "K-1", "7.000,00", "Angebot", "Offen", "3/7/24 14:30", "Bronze", "false", "AMER", "North", "2024-07-03", "3/7/2024 11:00 AM"],
        ["D-5", "Eps", "K-2", "9.999,99", "Angebot", "Gewonnen", "2024-03-08 08:00", "Gold", "true", "EMEA", "East", "2024-07-04", "3/8/2024 8:00 AM"],
    ];

    // "  # name: ..." or "# url: ...": a commented key, meant to be uncommented (prose comments have spaces in their first words).
    private static readonly System.Text.RegularExpressions.Regex CommentedEntry = new(@"^(\s*)# [A-Za-z][A-Za-z0-9]*: ");

    [Fact]
    public void Create_FromRows_ProposesWhatTheValuesSay()
    {
        var yaml = MappingSkeleton.Create(CrmObjectType.Deal, new ExportSample(Header, Rows), "deals.csv");

        // status from the German outcome words, every value seen listed
        Assert.Contains("  status: { column: Ergebnis, map: { Gewonnen: WON, Offen: OPEN, Verloren: LOST } }", yaml, StringComparison.Ordinal);
        // dates in the layouts the values use
        Assert.Contains("  closeDate: { column: CloseDate, type: date, format: yyyy-MM-dd }", yaml, StringComparison.Ordinal);
        Assert.Contains("  createdDate: { column: CreatedDate, type: datetime, format: \"M/d/yyyy h:mm tt\" }", yaml, StringComparison.Ordinal);
        Assert.Contains("format: [\"yyyy-MM-dd HH:mm\", \"M/d/yy H:mm\"]", yaml, StringComparison.Ordinal);
        // numbers in their culture, names a person would write, Has* as BOOLEAN, a repeated header as Name#2
        Assert.Contains("# betrag: { column: Betrag, type: NUMBER, culture: de-DE", yaml, StringComparison.Ordinal);
        Assert.Contains("# sla: { column: SLA__c, type: PICKLIST, values: [Bronze, Gold, Silver]", yaml, StringComparison.Ordinal);
        Assert.Contains("# hasOptedOutOfEmail: { column: HasOptedOutOfEmail, type: BOOLEAN,", yaml, StringComparison.Ordinal);
        Assert.Contains("# region2: { column: \"Region#2\",", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("{}", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CrmObjectType.Deal)]
    [InlineData(CrmObjectType.Account)]
    [InlineData(CrmObjectType.BusinessUser)]
    public void Create_EveryCommentedLine_UncommentedAlone_IsStillValidYamlWithoutDuplicateKeys(CrmObjectType type)
    {
        var yaml = MappingSkeleton.Create(type, new ExportSample(Header, Rows), "deals.csv");
        var lines = yaml.Split('\n');
        AssertValidYaml(yaml);

        var uncommentable = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = CommentedEntry.Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            uncommentable++;
            var edited = (string[])lines.Clone();
            edited[i] = match.Groups[1].Value + lines[i][(match.Groups[1].Length + 2)..];
            AssertValidYaml(string.Join('\n', edited));
        }

        Assert.True(uncommentable >= 3, yaml);
    }

    [Fact]
    public void Create_ClosedAndWonFlags_GiveATemplateStatus()
    {
        var sample = new ExportSample(["Id", "Name", "IsClosed", "IsWon", "StageName"], [["1", "A", "true", "true", "Closed Won"], ["2", "B", "true", "false", "Closed Lost"], ["3", "C", "false", "false", "Prospecting"]]);

        var yaml = MappingSkeleton.Create(CrmObjectType.Deal, sample, "Opportunity.csv");

        Assert.Contains("status: { template: \"{IsClosed}/{IsWon}\", map: { \"true/true\": WON, \"true/false\": LOST, \"*\": OPEN } }", yaml, StringComparison.Ordinal);
        Assert.Contains("stage: { column: StageName, transform: [trim, lower, slug] }", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ActiveColumn_IsInvertedIntoIsDeleted()
    {
        var sample = new ExportSample(["Id", "Email", "IsActive", "LastModifiedDate"], [["1", "a@x.example", "true", "2024-03-04T10:15:00.000Z"], ["2", "b@x.example", "false", "2024-03-05T10:15:00.000Z"]]);

        var yaml = MappingSkeleton.Create(CrmObjectType.BusinessUser, sample, "User.csv");

        Assert.Contains("isDeleted: { column: IsActive, map: { \"false\": \"true\", \"true\": \"false\" } }", yaml, StringComparison.Ordinal);
        using var dir = new TempDir();
        var mapping = MappingLoader.Load(dir.Write("u.yaml", yaml), CrmObjectType.BusinessUser);
        Assert.Equal(["Id", "LastModifiedDate", "IsActive", "Email"], mapping.Columns);
    }

    private static void AssertValidYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml)); // throws on a syntax error or a duplicate key
        Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }
}
