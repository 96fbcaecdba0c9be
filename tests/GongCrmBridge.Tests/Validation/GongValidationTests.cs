using GongCrmBridge.Outcomes;
using GongCrmBridge.Validation;
using static GongCrmBridge.Tests.Mapping.MappingTestKit;

namespace GongCrmBridge.Tests.Validation;

/// <summary>Gong's rules per object type, through a compiled mapping: one valid and one invalid record per rule.</summary>
public sealed class GongValidationTests
{
    private const string Modified = "2024-03-01T08:00:00Z";

    [Theory]
    [InlineData("ACC-1001")]
    [InlineData("user1_Id_In_The_CRM")]
    [InlineData("0015g00000XyZaBAAV")]
    [InlineData("ana.silva+crm@contoso.example")]
    [InlineData("A234567890123456789012345678901234567890123456789012345678901234")] // 64
    public void ObjectId_Valid_IsAccepted(string id)
    {
        var mapping = Compile(AccountHeader);

        var json = MapOne(mapping, new() { ["Id"] = id, ["Modified"] = Modified });

        Assert.StartsWith($$"""{"objectId":"{{id}}",""", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A2345678901234567890123456789012345678901234567890123456789012345", "objectId (column 'Id') is longer than 64 characters")]
    [InlineData("ACC 1001", "objectId (column 'Id') may hold only letters, digits, '-' and '_', or be an email address")]
    [InlineData("ACC/1001", "objectId (column 'Id') may hold only letters, digits, '-' and '_', or be an email address")]
    [InlineData("Ünïcode", "objectId (column 'Id') may hold only letters, digits, '-' and '_', or be an email address")]
    [InlineData("", "objectId (column 'Id') is missing or empty")]
    [InlineData("   ", "objectId (column 'Id') is missing or empty")]
    public void ObjectId_Invalid_IsValidationRejection(string id, string reason)
    {
        var mapping = Compile(AccountHeader);

        var rejection = RejectOne(mapping, new() { ["Id"] = id, ["Modified"] = Modified });

        Assert.Equal(RejectionStage.Validation, rejection.Stage);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(id.Length == 0 || string.IsNullOrWhiteSpace(id) ? null : id, rejection.ObjectId); // as read: the user finds the record by it
    }

    [Fact]
    public void ModifiedDate_Empty_IsValidationRejectionWithObjectId()
    {
        var mapping = Compile(AccountHeader);

        var rejection = RejectOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "" });

        Assert.Equal(new Rejection(Gong.Models.CrmObjectType.Account, "export.csv", 2, "A-1", RejectionStage.Validation, "modifiedDate (column 'Modified') is missing or empty"), rejection);
    }

    private const string UserMapping = """
        objectType: BUSINESS_USER
        objectId: Id
        modifiedDate: Modified
        isDeleted: Deleted
        fields:
          emailAddress: Email
        """;

    [Fact]
    public void BusinessUser_WithEmail_IsAccepted()
    {
        var json = MapOne(Compile(UserMapping), new() { ["Id"] = "USR-0042", ["Modified"] = Modified, ["Email"] = " ana.silva@contoso.example " });

        Assert.Equal("""{"objectId":"USR-0042","modifiedDate":"2024-03-01T08:00:00Z","emailAddress":"ana.silva@contoso.example"}""", json);
    }

    [Fact]
    public void BusinessUser_DeletedWithoutEmail_IsAccepted()
    {
        var json = MapOne(Compile(UserMapping), new() { ["Id"] = "USR-0007", ["Modified"] = Modified, ["Deleted"] = "true" });

        Assert.Equal("""{"objectId":"USR-0007","modifiedDate":"2024-03-01T08:00:00Z","isDeleted":true}""", json);
    }

    [Fact]
    public void BusinessUser_WithoutEmail_IsValidationRejection()
    {
        var rejection = RejectOne(Compile(UserMapping), new() { ["Id"] = "USR-1", ["Modified"] = Modified, ["Deleted"] = "false" });

        Assert.Equal(RejectionStage.Validation, rejection.Stage);
        Assert.Equal("field 'emailAddress' (column 'Email') is missing or empty (a BUSINESS_USER needs it unless isDeleted is true)", rejection.Reason);
    }

    [Theory]
    [InlineData("ana.silva")]
    [InlineData("ana@localhost")]
    [InlineData("ana silva@contoso.example")]
    [InlineData("@contoso.example")]
    [InlineData("ana@@contoso.example")]
    [InlineData("ana@contoso..example")]
    public void BusinessUser_BadEmail_IsValidationRejection(string email)
    {
        var rejection = RejectOne(Compile(UserMapping), new() { ["Id"] = "USR-1", ["Modified"] = Modified, ["Email"] = email });

        Assert.Equal(RejectionStage.Validation, rejection.Stage);
        Assert.Equal("field 'emailAddress' (column 'Email') is not a valid email address", rejection.Reason);
    }

    private const string StageMapping = """
        objectType: STAGE
        onInvalid: reject
        objectId: Key
        modifiedDate: Modified
        fields:
          name: Name
          isActive: Active
          sortOrder: Order
        """;

    [Fact]
    public void Stage_Valid_IsAccepted()
    {
        var json = MapOne(Compile(StageMapping), new() { ["Key"] = "negotiate", ["Modified"] = Modified, ["Name"] = "Negotiation", ["Active"] = "yes", ["Order"] = "4" });

        Assert.Equal("""{"objectId":"negotiate","modifiedDate":"2024-03-01T08:00:00Z","name":"Negotiation","isActive":true,"sortOrder":4}""", json);
    }

    [Fact]
    public void Stage_WithoutName_IsValidationRejection()
    {
        var rejection = RejectOne(Compile(StageMapping), new() { ["Key"] = "negotiate", ["Modified"] = Modified });

        Assert.Equal("field 'name' (column 'Name') is missing or empty (a STAGE needs it unless isDeleted is true)", rejection.Reason);
    }

    [Theory]
    [InlineData("0", RejectionStage.Validation, "field 'sortOrder' (column 'Order') must be a whole number from 1 to 2147483647 (got '0')")]
    [InlineData("2147483648", RejectionStage.Validation, "field 'sortOrder' (column 'Order') must be a whole number from 1 to 2147483647 (got '2147483648')")]
    [InlineData("2.5", RejectionStage.Mapping, "field 'sortOrder' (column 'Order'): cannot read '2.5' as a whole number (culture 'invariant')")]
    public void Stage_BadSortOrder_IsRejected(string order, RejectionStage stage, string reason)
    {
        var rejection = RejectOne(Compile(StageMapping), new() { ["Key"] = "q", ["Modified"] = Modified, ["Name"] = "Q", ["Order"] = order });

        Assert.Equal((stage, reason), (rejection.Stage, rejection.Reason));
    }

    private const string DealMapping = """
        objectType: DEAL
        onInvalid: reject
        objectId: Id
        modifiedDate: Modified
        url: Link
        fields:
          accountId: Account
          ownerId: Owner
          stage: Stage
          status: Status
          closeDate: Close
          createdDate: Created
          amount: Amount
        customFields:
          tier: { column: Tier, type: PICKLIST, values: [Gold, Silver] }
          probability: { column: Probability, type: PERCENT, label: Probability }
          contact: { column: Contact, type: REFERENCE, referenceTo: CONTACT }
          champion: { column: Champion, type: EMAILADDRESS }
          site: { column: Site, type: URL }
          renewal: { column: Renewal, type: BOOLEAN }
          signed: { column: Signed, type: DATETIME }
          budget: { column: Budget, type: CURRENCY }
        """;

    [Fact]
    public void Deal_EveryFieldValid_IsAccepted()
    {
        var json = MapOne(Compile(DealMapping), new()
        {
            ["Id"] = "OPP-7001",
            ["Modified"] = "2024-03-03T14:20:00Z",
            ["Link"] = "https://crm.contoso.example/deals/OPP-7001",
            ["Account"] = "ACC-1001",
            ["Owner"] = "USR-0042",
            ["Stage"] = "negotiate",
            ["Status"] = "open",
            ["Close"] = "2024-06-30",
            ["Created"] = "2024-01-15T09:00:00Z",
            ["Amount"] = "48000",
            ["Tier"] = "gold",
            ["Probability"] = "100",
            ["Contact"] = "CON-5001",
            ["Champion"] = "li.wei@fabrikam.example",
            ["Site"] = "http://fabrikam.example",
            ["Renewal"] = "1",
            ["Signed"] = "2024-02-01T10:00:00+01:00",
            ["Budget"] = "1999.99",
        });

        Assert.Equal(
            """{"objectId":"OPP-7001","modifiedDate":"2024-03-03T14:20:00Z","url":"https://crm.contoso.example/deals/OPP-7001","accountId":"ACC-1001","ownerId":"USR-0042","stage":"negotiate","status":"OPEN","closeDate":"2024-06-30","createdDate":"2024-01-15T09:00:00Z","amount":48000,"tier":"Gold","probability":100,"contact":"CON-5001","champion":"li.wei@fabrikam.example","site":"http://fabrikam.example","renewal":true,"signed":"2024-02-01T09:00:00Z","budget":1999.99}""",
            json);
    }

    [Theory]
    [InlineData("Status", "Pending", RejectionStage.Validation, "field 'status' (column 'Status') must be OPEN, WON or LOST (use 'map' to translate the export's values) (got 'Pending')")]
    [InlineData("Close", "30/06/2024", RejectionStage.Mapping, "field 'closeDate' (column 'Close'): cannot read '30/06/2024' as a date (expected ISO-8601, e.g. 2024-03-01 or 2024-03-01T12:00:00Z; set 'format' for other layouts)")]
    [InlineData("Created", "Jan 15", RejectionStage.Mapping, "field 'createdDate' (column 'Created'): cannot read 'Jan 15' as a date-time (expected ISO-8601, e.g. 2024-03-01 or 2024-03-01T12:00:00Z; set 'format' for other layouts)")]
    [InlineData("Amount", "$48,000", RejectionStage.Mapping, "field 'amount' (column 'Amount'): cannot read '$48,000' as a number (culture 'invariant')")]
    [InlineData("Link", "crm.contoso.example/deals/1", RejectionStage.Validation, "url (column 'Link') is not an absolute http(s) URL")]
    [InlineData("Tier", "Bronze", RejectionStage.Validation, "custom field 'tier' (column 'Tier') is not one of the PICKLIST values (got 'Bronze'; allowed: Gold, Silver)")]
    [InlineData("Probability", "100.5", RejectionStage.Validation, "custom field 'probability' (column 'Probability') is a PERCENT and must be between 0 and 100 (got '100.5')")]
    [InlineData("Probability", "-1", RejectionStage.Validation, "custom field 'probability' (column 'Probability') is a PERCENT and must be between 0 and 100 (got '-1')")]
    [InlineData("Champion", "li.wei", RejectionStage.Validation, "custom field 'champion' (column 'Champion') is not a valid email address")]
    [InlineData("Site", "ftp://x.example", RejectionStage.Validation, "custom field 'site' (column 'Site') is not an absolute http(s) URL")]
    [InlineData("Renewal", "perhaps", RejectionStage.Mapping, "custom field 'renewal' (column 'Renewal'): cannot read 'perhaps' as a boolean (true/false, yes/no, 1/0)")]
    [InlineData("Signed", "2024-02-30", RejectionStage.Mapping, "custom field 'signed' (column 'Signed'): cannot read '2024-02-30' as a date-time (expected ISO-8601, e.g. 2024-03-01 or 2024-03-01T12:00:00Z; set 'format' for other layouts)")]
    [InlineData("Budget", "lots", RejectionStage.Mapping, "custom field 'budget' (column 'Budget'): cannot read 'lots' as a number (culture 'invariant')")]
    public void Deal_OneBadValue_IsRejectedWithPreciseReason(string column, string value, RejectionStage stage, string reason)
    {
        var row = new Dictionary<string, string> { ["Id"] = "OPP-1", ["Modified"] = Modified, [column] = value };

        var rejection = RejectOne(Compile(DealMapping), row);

        Assert.Equal(("OPP-1", stage, reason), (rejection.ObjectId, rejection.Stage, rejection.Reason));
    }

    private const string ContactMapping = """
        objectType: CONTACT
        onInvalid: reject
        objectId: Id
        modifiedDate: Modified
        fields:
          accountId: Account
          emailAddress: Email
          firstName: First
          lastName: Last
          title: Title
          phoneNumber: Phone
        """;

    [Fact]
    public void Contact_Valid_IsAcceptedWithAccountReference()
    {
        var result = Map(Compile(ContactMapping), new()
        {
            ["Id"] = "CON-5001",
            ["Modified"] = "2024-03-01T08:05:00Z",
            ["Account"] = "ACC-1001",
            ["Email"] = "li.wei@fabrikam.example",
            ["First"] = "Li",
            ["Last"] = "Wei",
            ["Title"] = "Head of IT",
            ["Phone"] = "+44 20 7946 0000",
        });

        Assert.Equal(
            """{"objectId":"CON-5001","modifiedDate":"2024-03-01T08:05:00Z","accountId":"ACC-1001","emailAddress":"li.wei@fabrikam.example","firstName":"Li","lastName":"Wei","title":"Head of IT","phoneNumber":"+44 20 7946 0000"}""",
            Json(result));
        Assert.Equal(("ACC-1001", null, null), References(result, result.Records[0]));
    }

    [Fact]
    public void Contact_WithoutEmail_IsAccepted_AndBadEmailIsRejected()
    {
        var mapping = Compile(ContactMapping);

        Assert.Equal("""{"objectId":"CON-1","modifiedDate":"2024-03-01T08:00:00Z"}""", MapOne(mapping, new() { ["Id"] = "CON-1", ["Modified"] = Modified }));
        Assert.Equal("field 'emailAddress' (column 'Email') is not a valid email address", RejectOne(mapping, new() { ["Id"] = "CON-1", ["Modified"] = Modified, ["Email"] = "n/a" }).Reason);
    }

    private const string LeadMapping = """
        objectType: LEAD
        objectId: Id
        modifiedDate: Modified
        fields:
          emailAddress: Email
          convertedToAccountId: Account
          convertedToContactId: Contact
          convertedToDealId: Deal
        """;

    [Fact]
    public void Lead_Converted_IsAccepted()
    {
        var json = MapOne(Compile(LeadMapping), new() { ["Id"] = "LEAD-301", ["Modified"] = Modified, ["Email"] = "kim.lee@fabrikam.example", ["Account"] = "ACC-1001", ["Contact"] = "CON-5002", ["Deal"] = "OPP-7002" });

        Assert.Equal("""{"objectId":"LEAD-301","modifiedDate":"2024-03-01T08:00:00Z","emailAddress":"kim.lee@fabrikam.example","convertedToAccountId":"ACC-1001","convertedToContactId":"CON-5002","convertedToDealId":"OPP-7002"}""", json);
    }

    [Fact]
    public void References_AreTrimmedButNotRejected_ReferentialChecksWarnInstead()
    {
        // A reference that can match no object is reported by the job-wide referential check, so the record is kept.
        var result = Map(Compile(DealMapping), new()
        {
            ["Id"] = "OPP-1",
            ["Modified"] = Modified,
            ["Account"] = " ACC 1001 ",
            ["Owner"] = "owner#1",
            ["Stage"] = "Closed Won",
            ["Contact"] = "CON 5001",
        });

        Assert.Equal(
            """{"objectId":"OPP-1","modifiedDate":"2024-03-01T08:00:00Z","accountId":"ACC 1001","ownerId":"owner#1","stage":"Closed Won","contact":"CON 5001"}""",
            Json(result));
        Assert.Equal(("ACC 1001", "owner#1", "Closed Won"), References(result, result.Records[0]));
    }

    [Fact]
    public void Account_DomainsAndName_AreAccepted()
    {
        var json = MapOne(
            Compile(AccountHeader + "\nfields:\n  name: Name\n  domains: { column: Domains, split: \"|\" }\n"),
            new() { ["Id"] = "ACC-1001", ["Modified"] = Modified, ["Name"] = "Fabrikam Ltd", ["Domains"] = "fabrikam.example|fabrikam-group.example" });

        Assert.Equal("""{"objectId":"ACC-1001","modifiedDate":"2024-03-01T08:00:00Z","name":"Fabrikam Ltd","domains":["fabrikam.example","fabrikam-group.example"]}""", json);
    }

    [Theory]
    [InlineData("a@b.example", true)]
    [InlineData("first.last+tag@sub.domain.example", true)]
    [InlineData("a@b", false)]
    [InlineData("a@.b.example", false)]
    [InlineData("a@b.example.", false)]
    [InlineData("a b@c.example", false)]
    [InlineData("<a@b.example>", false)]
    public void IsEmail_JudgesAddresses(string text, bool expected) => Assert.Equal(expected, GongRules.IsEmail(text));
}
