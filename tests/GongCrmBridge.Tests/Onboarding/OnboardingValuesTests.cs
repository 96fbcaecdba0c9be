using GongCrmBridge.Onboarding;

namespace GongCrmBridge.Tests.Onboarding;

/// <summary>What init learns from values: date layouts, booleans, number cultures, won/lost words, field names.</summary>
public sealed class OnboardingValuesTests
{
    [Theory]
    [InlineData(new[] { "2024-03-04T10:15:00.000Z", "2024-11-30T23:59:59.000Z" }, new[] { "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" })]
    [InlineData(new[] { "2024-03-04 10:15:00", "2024-03-05 08:00:01" }, new[] { "yyyy-MM-dd HH:mm:ss" })]
    [InlineData(new[] { "3/4/2024 10:15 AM", "12/31/2024 4:05 PM" }, new[] { "M/d/yyyy h:mm tt" })]
    [InlineData(new[] { "2024-03-04 10:15", "3/5/24 9:07" }, new[] { "yyyy-MM-dd HH:mm", "M/d/yy H:mm" })]
    [InlineData(new[] { "3/4/2024", "31/12/2024" }, new[] { "d/M/yyyy" })]
    [InlineData(new[] { "04.03.2024 10:15", "31.12.2024 08:00" }, new[] { "dd.MM.yyyy HH:mm" })]
    public void DateLayouts_Detect_ReadsEveryValueWithAsFewLayoutsAsNeeded(string[] values, string[] expected) =>
        Assert.Equal(expected, DateLayouts.Detect(values));

    [Theory]
    [InlineData("2024-03-04|next week")]
    [InlineData("0015g0000000001AAB")]
    [InlineData("12500.0")]
    public void DateLayouts_Detect_ValuesThatAreNotAllDates_Null(string values) => Assert.Null(DateLayouts.Detect(values.Split('|')));

    [Theory]
    [InlineData(new[] { "12500.0", "-3", "7350.5" }, "")]
    [InlineData(new[] { "1,234.50", "12,000.00" }, "en-US")]
    [InlineData(new[] { "1.234,50", "500,00" }, "de-DE")]
    [InlineData(new[] { "$1,234.50" }, null)]
    public void ValueTraits_NumberCulture(string[] values, string? expected) => Assert.Equal(expected, ValueTraits.NumberCulture(values));

    [Theory]
    [InlineData(new[] { "1234.5", "7" }, "", null)]
    [InlineData(new[] { "$1,234.50", "$12,000.00" }, "en-US", "$")]
    [InlineData(new[] { "-$1,200.50", "$5.00" }, "en-US", "$")]
    [InlineData(new[] { "USD 1,234.00", "USD 80.00" }, "en-US", "USD")]
    [InlineData(new[] { "1.234,50 €", "500,00 €" }, "de-DE", "€")]
    [InlineData(new[] { "£1,000" }, "en-US", "£")]
    public void ValueTraits_NumberLayout_ReadsTheCultureAndTheCurrencyMarker(string[] values, string culture, string? marker) =>
        Assert.Equal(new NumberLayout(culture, marker), ValueTraits.NumberLayout(values));

    [Theory]
    [InlineData("$1,234.50", "€5.00")] // two currencies: not one number column
    [InlineData("$1,234.50", "7")] // not every value carries the marker
    [InlineData("INV-001", "INV-002")] // ids, not amounts: a code stands apart from its number
    [InlineData("USD", "EUR")]
    [InlineData("$ off")]
    public void ValueTraits_NumberLayout_NotAllOneCurrencysNumbers_IsNull(params string[] values) => Assert.Null(ValueTraits.NumberLayout(values));

    [Theory]
    [InlineData(new[] { "true", "false" }, false, true)]
    [InlineData(new[] { "True" }, false, true)]
    [InlineData(new[] { "1", "0" }, false, false)]
    [InlineData(new[] { "1", "0" }, true, true)]
    [InlineData(new[] { "Allow", "Do Not Allow" }, true, false)]
    public void ValueTraits_AreBooleans(string[] values, bool nameSaysBoolean, bool expected) =>
        Assert.Equal(expected, ValueTraits.AreBooleans(values, nameSaysBoolean));

    [Theory]
    [InlineData("Closed Won", "WON")]
    [InlineData("Closed-Lost to Competition", "LOST")]
    [InlineData("Won", "WON")]
    [InlineData("Gewonnen", "WON")]
    [InlineData("Verloren", "LOST")]
    [InlineData("Gagnée", "WON")]
    [InlineData("Perdu", "LOST")]
    [InlineData("Ganado", "WON")]
    [InlineData("Perdido", "LOST")]
    [InlineData("Ganho", "WON")]
    [InlineData("Negotiation/Review", "OPEN")]
    [InlineData("Open", "OPEN")]
    public void StatusWords_Outcome_ReadsSixLanguages(string value, string expected) => Assert.Equal(expected, StatusWords.Outcome(value));

    [Theory]
    [InlineData("SLA__c", "sla")]
    [InlineData("acme__Region__c", "region")]
    [InlineData("HasOptedOutOfEmail", "hasOptedOutOfEmail")]
    [InlineData("NumberOfEmployees", "numberOfEmployees")]
    [InlineData("SLAStatus__c", "slaStatus")]
    [InlineData("Deal - Lost reason", "lostReason")]
    [InlineData("Account Owner.id", "accountOwnerId")]
    [InlineData("Geändert", "geandert")]
    [InlineData("Email#2", "email")]
    [InlineData("2nd Phone", "f2ndPhone")]
    public void CustomFieldNames_For_NamesAsAPersonWould(string column, string expected) =>
        Assert.Equal(expected, new CustomFieldNames([]).For(column));

    [Fact]
    public void CustomFieldNames_For_NeverRepeatsOrTakesAReservedName()
    {
        var names = new CustomFieldNames(["name", "amount"]);

        Assert.Equal(["region", "region2", "name2", "amount2"], new[] { "Region", "Region", "Name", "Amount" }.Select(names.For));
    }
}
