using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using static GongCrmBridge.Tests.Mapping.MappingTestKit;

namespace GongCrmBridge.Tests.Mapping;

public sealed class MappingLoaderTests
{
    [Fact]
    public void Load_ManyProblems_ReportsEveryOneAtItsYamlNode()
    {
        // Given a mapping with eight problems
        using var dir = new TempDir();
        var path = dir.Write("deal.yaml", """
            objectType: DEAL
            objectId: Id
            modifiedDate: { column: Modified, timeZone: "Mars/Olympus" }
            colour: blue
            fields:
              name: { column: Name, transform: [trim, shout] }
              probability: Prob
              amount: { column: Amount, type: money, culture: xx-NOPE }
            customFields:
              category: { column: Cat, type: PICKLIST }
              contact: { column: C, type: REFERENCE }
            """);

        // When it is loaded
        var ex = Assert.Throws<ConfigurationException>(() => MappingLoader.Load(path, CrmObjectType.Deal));

        // Then all of them are reported, with file, line and column
        Assert.All(ex.Problems, p => Assert.Equal(path, p.File));
        Assert.Equal(
            [
                (4, 1, "mapping: unknown key 'colour'"),
                (3, 45, "modifiedDate: unknown time zone 'Mars/Olympus'"),
                (6, 43, "field 'name': unknown transform 'shout'"),
                (7, 3, "'probability' is not a standard field of DEAL"),
                (8, 35, "field 'amount': unknown type 'money'"),
                (8, 51, "field 'amount': unknown culture 'xx-NOPE'"),
                (10, 13, "custom field 'category': a PICKLIST needs values"),
                (11, 12, "custom field 'contact': a REFERENCE needs referenceTo"),
            ],
            ex.Problems.Select(p => (p.Line, p.Column, Prefix(p.Message))));
        Assert.Contains("8 configuration problems", ex.Message, StringComparison.Ordinal);
    }

    private static string Prefix(string message)
    {
        var cut = message.IndexOfAny(['(', ';']);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    [Fact]
    public void Load_InvalidYaml_ReportsWhereTheParserStopped()
    {
        var ex = Problems("objectType: DEAL\nobjectId: [Id\nmodifiedDate: M\n");

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith("not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Line >= 2, $"line {problem.Line}");
    }

    [Fact]
    public void Load_MissingFile_IsAProblemOfThatFile()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Root, "nope.yaml");

        var ex = Assert.Throws<ConfigurationException>(() => MappingLoader.Load(path, null));

        Assert.Equal(new ConfigurationProblem(path, 0, 0, "the file does not exist"), Assert.Single(ex.Problems));
    }

    [Fact]
    public void Load_ObjectTypeOtherThanExpected_IsAProblemAtObjectType()
    {
        var ex = Problems(AccountHeader, CrmObjectType.Contact);

        var problem = Assert.Single(ex.Problems);
        Assert.Equal((1, 13), (problem.Line, problem.Column));
        Assert.Equal("the job uses this mapping for CONTACT, but it maps ACCOUNT", problem.Message);
    }

    [Fact]
    public void Load_UnknownObjectTypeAndMissingKeys_AreProblems()
    {
        var ex = Problems("objectType: Account\nfields: {}\n");

        Assert.Equal(
            [(1, 13, "unknown objectType 'Account'")],
            ex.Problems.Select(p => (p.Line, p.Column, Prefix(p.Message))));

        var missing = Problems("objectType: ACCOUNT\n");
        Assert.Equal(
            ["objectId is missing: map the column holding the record's unique id", "modifiedDate is missing: map the column holding the record's last-modified date-time"],
            missing.Problems.Select(p => Prefix(p.Message)));
    }

    [Theory]
    [InlineData("  name: { column: N, format: \"yyyy\" }", "field 'name': format applies to date and datetime values only")]
    [InlineData("  name: { column: N, split: \";\" }", "field 'name': split applies to stringArray values, or with the first / last transform")]
    [InlineData("  name: { column: N, timeZone: UTC }", "field 'name': timeZone applies to datetime values only")]
    [InlineData("  name: { column: N, culture: de-DE }", "field 'name': culture applies to number, integer, date and datetime values only")]
    [InlineData("  name: { column: N, value: X }", "field 'name': give exactly one of column, template or value")]
    [InlineData("  name: { transform: [trim] }", "field 'name': give exactly one of column, template or value")]
    [InlineData("  name: { template: \"a{b\" }", "field 'name': template has an unclosed or empty {placeholder}")]
    [InlineData("  name: { column: N, type: number }", "field 'name': Gong takes a string here, so type must be string")]
    [InlineData("  name: { column: N, required: maybe }", "field 'name': required must be true or false")]
    [InlineData("  name: { column: N, map: [a, b] }", "field 'name': map must be a mapping of export value to Gong value, e.g. {")]
    [InlineData("  name: { column: N, map: { a: x, A: y } }", "field 'name': map lists 'A' twice")]
    [InlineData("  name: { column: N, colour: red }", "field 'name': unknown key 'colour'")]
    [InlineData("  domains: { column: D, split: \";\", label: Domains }", "field 'domains': unknown key 'label'")]
    [InlineData("  objectId: Id", "'objectId' is not a standard field of ACCOUNT")]
    public void Load_BadFieldSpec_IsAProblem(string fieldLine, string expected)
    {
        var ex = Problems(AccountHeader + "\nfields:\n" + fieldLine + "\n");

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(5, problem.Line);
        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  a: { column: A, type: STRINGARRAY }", "custom field 'a': STRINGARRAY can only be used for Gong-defined fields")]
    [InlineData("  a: { column: A, type: TEXT }", "custom field 'a': unknown type 'TEXT'")]
    [InlineData("  a: { column: A, type: \"STRING,BOOLEAN\" }", "custom field 'a': unknown type 'STRING,BOOLEAN'")]
    [InlineData("  a: { column: A, type: 3 }", "custom field 'a': unknown type '3'")]
    [InlineData("  a: { column: A }", "custom field 'a': type is missing")]
    [InlineData("  a: A", "custom field 'a': a custom field needs a spec")]
    [InlineData("  a: { column: A, type: STRING, values: [x] }", "custom field 'a': values apply to PICKLIST fields only")]
    [InlineData("  a: { column: A, type: PICKLIST, values: [] }", "custom field 'a': values must be a non-empty list")]
    [InlineData("  a: { column: A, type: PICKLIST, values: [x, X] }", "custom field 'a': PICKLIST value 'X' is listed twice")]
    [InlineData("  a: { column: A, type: REFERENCE, referenceTo: OPPORTUNITY }", "custom field 'a': referenceTo must be ACCOUNT, CONTACT, DEAL, LEAD or USER")]
    [InlineData("  a: { column: A, type: NUMBER, referenceTo: DEAL }", "custom field 'a': referenceTo applies to REFERENCE fields only")]
    [InlineData("  a: { column: A, type: NUMBER, default: lots }", "default: custom field 'a' (column 'A'): cannot read 'lots' as a number")]
    [InlineData("  a: { column: A, type: PICKLIST, values: [x], default: y }", "default: custom field 'a' (column 'A') is not one of the PICKLIST values")]
    [InlineData("  a: { column: A, type: DATE, format: \"%\" }", "custom field 'a': '%' is not a valid .NET date format")]
    [InlineData("  name: { column: A, type: STRING }", "'name' is a standard key of ACCOUNT")]
    [InlineData("  url: { column: A, type: URL }", "'url' is a standard key of ACCOUNT")]
    [InlineData("  \"my field\": { column: A, type: STRING }", "custom field name 'my field' may hold only")]
    public void Load_BadCustomField_IsAProblem(string fieldLine, string expected)
    {
        var ex = Problems(AccountHeader + "\ncustomFields:\n" + fieldLine + "\n");

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(5, problem.Line);
        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CustomFieldsOnStage_IsAProblem()
    {
        var ex = Problems("""
            objectType: STAGE
            objectId: Id
            modifiedDate: M
            fields:
              name: Name
            customFields:
              colour: { column: C, type: STRING }
            """);

        var problem = Assert.Single(ex.Problems);
        Assert.Equal((6, 1), (problem.Line, problem.Column));
        Assert.StartsWith("STAGE does not accept custom fields", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BUSINESS_USER", "a BUSINESS_USER mapping must map fields.emailAddress")]
    [InlineData("STAGE", "a STAGE mapping must map fields.name")]
    public void Load_RequiredStandardFieldNotMapped_IsAProblem(string type, string expected)
    {
        var ex = Problems($"objectType: {type}\nobjectId: Id\nmodifiedDate: M\n");

        Assert.StartsWith(expected, Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReferenceToBusinessUser_IsSentAsUser()
    {
        var mapping = Compile(AccountHeader + "\ncustomFields:\n  csm: { column: Csm, type: REFERENCE, referenceTo: BUSINESS_USER }\n");

        var field = Assert.Single(mapping.CustomFields);
        Assert.Equal(new CrmSchemaField("csm", "csm", CrmFieldType.REFERENCE, "USER"), field);
    }

    [Fact]
    public void MissingColumnProblem_PointsAtTheNodeThatNamesTheColumn()
    {
        using var dir = new TempDir();
        var path = dir.Write("account.yaml", """
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: Modified
            url: { template: "https://crm/{Region}/{Id}" }
            fields:
              name: { column: "Account Name" }
            """);
        var mapping = MappingLoader.Load(path, CrmObjectType.Account);

        Assert.Equal(["Id", "Modified", "Region", "Account Name"], mapping.Columns);
        Assert.Equal(new ConfigurationProblem(path, 6, 19, "column 'Account Name' is not in the export's header"), mapping.MissingColumnProblem("Account Name"));
        Assert.Equal(new ConfigurationProblem(path, 4, 18, "column 'Region' is not in the export's header"), mapping.MissingColumnProblem("Region"));
        Assert.Equal(new ConfigurationProblem(path, 2, 11, "column 'Id' is not in the export's header"), mapping.MissingColumnProblem("Id"));
    }

    [Fact]
    public void Load_SameColumnTwice_IsReadOnce()
    {
        var mapping = Compile("""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              status: { column: Stage, map: { won: WON, "*": OPEN } }
              stage: { column: Stage, transform: [slug] }
            """);

        Assert.Equal(["Id", "Modified", "Stage"], mapping.Columns);
    }
}
