using GongCrmBridge.Validation;

namespace GongCrmBridge.Tests.Validation;

/// <summary>The rule checks alone: what passes, what Gong gets, what the problem says. GongValidationTests covers
/// the same rules through a compiled mapping, per object type.</summary>
public sealed class FieldRuleChecksTests
{
    private static readonly PicklistValues Tiers = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Gold"] = "Gold",
        ["Silver tier"] = " Silver tier",
    });

    [Theory]
    [InlineData("None", "  as is  ", "  as is  ")]
    [InlineData("Reference", " ACC-1 ", "ACC-1")]
    [InlineData("ObjectId", " ACC-1 ", "ACC-1")]
    [InlineData("Email", " a@b.example ", "a@b.example")]
    [InlineData("Url", " https://acme.example/x ", "https://acme.example/x")]
    [InlineData("DealStatus", " won ", "WON")]
    [InlineData("Picklist", " GOLD ", "Gold")]
    [InlineData("Picklist", "silver TIER", " Silver tier")]
    public void CheckText_ValueThatPasses_BecomesWhatGongGets(string rule, string value, string sent)
    {
        var span = value.AsSpan();

        var problem = FieldRuleChecks.CheckText(Enum.Parse<FieldRule>(rule), ref span, Tiers);

        Assert.Null(problem);
        Assert.Equal(sent, span.ToString());
    }

    [Theory]
    [InlineData("ObjectId", "ACC 1", "may hold only letters, digits, '-' and '_', or be an email address")]
    [InlineData("ObjectId", "  ", "is missing or empty")]
    [InlineData("Email", "a@b", "is not a valid email address")]
    [InlineData("Url", "acme.example", "is not an absolute http(s) URL")]
    [InlineData("DealStatus", "Closed Won", "must be OPEN, WON or LOST (use 'map' to translate the export's values)")]
    [InlineData("Picklist", "Bronze", "is not one of the PICKLIST values")]
    public void CheckText_ValueThatBreaksTheRule_SaysWhy(string rule, string value, string expected)
    {
        var span = value.AsSpan();

        Assert.Equal(expected, FieldRuleChecks.CheckText(Enum.Parse<FieldRule>(rule), ref span, Tiers));
    }

    [Fact]
    public void CheckText_PicklistWithoutValues_AcceptsNothing()
    {
        var span = "Gold".AsSpan();

        Assert.Equal("is not one of the PICKLIST values", FieldRuleChecks.CheckText(FieldRule.Picklist, ref span, picklist: null));
    }

    [Theory]
    [InlineData("Percent", 0, null)]
    [InlineData("Percent", 100, null)]
    [InlineData("Percent", -0.5, "is a PERCENT and must be between 0 and 100")]
    [InlineData("Percent", 100.01, "is a PERCENT and must be between 0 and 100")]
    [InlineData("None", -5, null)]
    public void CheckNumber_Percent_IsFromZeroToHundred(string rule, double number, string? expected) =>
        Assert.Equal(expected, FieldRuleChecks.CheckNumber(Enum.Parse<FieldRule>(rule), (decimal)number));

    [Theory]
    [InlineData("PositiveInteger", 1, null)]
    [InlineData("PositiveInteger", 0, "must be a whole number from 1 to 2147483647")]
    [InlineData("PositiveInteger", 2147483647L, null)]
    [InlineData("PositiveInteger", 2147483648L, "must be a whole number from 1 to 2147483647")]
    [InlineData("None", 0, null)]
    public void CheckInteger_PositiveInteger_IsOneOrMore(string rule, long value, string? expected) =>
        Assert.Equal(expected, FieldRuleChecks.CheckInteger(Enum.Parse<FieldRule>(rule), value));
}
