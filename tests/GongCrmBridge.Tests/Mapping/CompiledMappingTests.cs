using GongCrmBridge.Gong.Models;
using GongCrmBridge.Outcomes;
using static GongCrmBridge.Tests.Mapping.MappingTestKit;

namespace GongCrmBridge.Tests.Mapping;

public sealed class CompiledMappingTests
{
    private const string SpecDealMapping = """
        objectType: DEAL
        objectId: Id
        modifiedDate: { column: LastModified, format: "yyyy-MM-dd HH:mm:ss", timeZone: "America/New_York" }
        isDeleted: { column: IsDeleted }
        url: { template: "https://crm.acme.example/deals/{Id}" }
        fields:
          name: Name
          accountId: AccountId
          ownerId: OwnerId
          amount: { column: Amount, type: number, culture: de-DE }
          closeDate: { column: CloseDate, type: date, format: "MM/dd/yyyy" }
          status: { column: StageName, map: { "Closed Won": WON, "Closed Lost": LOST, "*": OPEN } }
          stage: { column: StageName, transform: [trim, lower, slug] }
        customFields:
          forecastCategory: { column: Forecast, type: PICKLIST, label: Forecast category, values: [Pipeline, Best Case, Commit, Closed] }
          probabilityPct: { column: Probability, type: PERCENT, label: Probability }
          primaryContact: { column: ContactId, type: REFERENCE, referenceTo: CONTACT, label: Primary contact }
        """;

    [Fact]
    public void Map_SpecDealMapping_WritesGongRecordJson()
    {
        // Given the DEAL mapping of SPEC.md
        var mapping = Compile(SpecDealMapping);

        // When one full row is mapped
        var result = Map(mapping, new()
        {
            ["Id"] = "OPP-7001",
            ["LastModified"] = "2024-03-03 09:20:00",
            ["IsDeleted"] = "no",
            ["Name"] = "Fabrikam – 2024 renewal",
            ["AccountId"] = "ACC-1001",
            ["OwnerId"] = "USR-0042",
            ["Amount"] = "48.000,50",
            ["CloseDate"] = "06/30/2024",
            ["StageName"] = " Closed Won ",
            ["Forecast"] = "commit",
            ["Probability"] = "70",
            ["ContactId"] = "CON-5001",
        });

        // Then the record has Gong's shape, keys in mapping order, custom fields at the top level
        Assert.Empty(result.Rejections);
        Assert.Equal(
            """{"objectId":"OPP-7001","modifiedDate":"2024-03-03T14:20:00Z","isDeleted":false,"url":"https://crm.acme.example/deals/OPP-7001","name":"Fabrikam – 2024 renewal","accountId":"ACC-1001","ownerId":"USR-0042","amount":48000.50,"closeDate":"2024-06-30","status":"WON","stage":"closed-won","forecastCategory":"Commit","probabilityPct":70,"primaryContact":"CON-5001"}""",
            Json(result));
        var record = Assert.Single(result.Records);
        Assert.Equal("OPP-7001", result.ObjectIdOf(record));
        Assert.Equal(new DateTime(2024, 3, 3, 14, 20, 0, DateTimeKind.Utc).Ticks, record.ModifiedUtcTicks);
        Assert.Equal(2, record.Line);
        Assert.Equal(("ACC-1001", "USR-0042", "closed-won"), References(result, record));
    }

    [Fact]
    public void Load_SpecDealMapping_ExposesColumnsAndSchema()
    {
        var mapping = Compile(SpecDealMapping);

        Assert.Equal(CrmObjectType.Deal, mapping.ObjectType);
        Assert.Equal(
            ["Id", "LastModified", "IsDeleted", "Name", "AccountId", "OwnerId", "Amount", "CloseDate", "StageName", "Forecast", "Probability", "ContactId"],
            mapping.Columns);
        Assert.Collection(
            mapping.CustomFields,
            f =>
            {
                Assert.Equal(("forecastCategory", "Forecast category", CrmFieldType.PICKLIST), (f.UniqueName, f.Label, f.Type));
                Assert.Equal(["Pipeline", "Best Case", "Commit", "Closed"], f.OrderedValueList);
            },
            f => Assert.Equal(("probabilityPct", "Probability", CrmFieldType.PERCENT, (string?)null), (f.UniqueName, f.Label, f.Type, f.ReferenceTo)),
            f => Assert.Equal(("primaryContact", CrmFieldType.REFERENCE, "CONTACT"), (f.UniqueName, f.Type, f.ReferenceTo)));
    }

    [Fact]
    public void Map_EmptyCells_AreOmitted()
    {
        var mapping = Compile(SpecDealMapping);

        var json = MapOne(mapping, new() { ["Id"] = "OPP-1", ["LastModified"] = "2024-01-02 03:04:05" });

        Assert.Equal("""{"objectId":"OPP-1","modifiedDate":"2024-01-02T08:04:05Z","url":"https://crm.acme.example/deals/OPP-1"}""", json);
    }

    [Fact]
    public void Map_ProblemRowAndBadRowBetweenGoodRows_KeepsOrderAndOffsets()
    {
        // Given a chunk: good, unreadable (problem row), rejected by validation, good
        var mapping = Compile(AccountHeader + "\nfields:\n  name: Name\n");
        var chunk = new GongCrmBridge.Sources.SourceChunk("accounts.csv", mapping.Columns.Count);
        chunk.BeginRecord(2);
        chunk.AddCell(0, "A-1");
        chunk.AddCell(1, "2024-03-01T12:00:00Z");
        chunk.AddCell(2, "First");
        chunk.AddProblem(3, "a quoted field is not closed");
        chunk.BeginRecord(5);
        chunk.AddCell(0, "bad id!");
        chunk.AddCell(1, "2024-03-01T12:00:00Z");
        chunk.AddCell(2, "Dropped");
        chunk.BeginRecord(6);
        chunk.AddCell(0, "A-2");
        chunk.AddCell(1, "2024-03-01T12:00:00Z");
        chunk.AddCell(2, "Second");

        // When it is mapped
        var result = mapping.Map(chunk);

        // Then the good records keep source order and exact JSON; both others are rejections
        Assert.Equal(4, result.ReadCount);
        Assert.Equal(["A-1", "A-2"], result.Records.Select(r => result.ObjectIdOf(r)));
        Assert.Equal("""{"objectId":"A-1","modifiedDate":"2024-03-01T12:00:00Z","name":"First"}""", Json(result, 0));
        Assert.Equal("""{"objectId":"A-2","modifiedDate":"2024-03-01T12:00:00Z","name":"Second"}""", Json(result, 1));
        Assert.Equal(result.Records[0].JsonLength, result.Records[1].JsonOffset);
        Assert.Equal(
            [
                new Rejection(CrmObjectType.Account, "accounts.csv", 3, null, RejectionStage.Mapping, "a quoted field is not closed"),
                new Rejection(CrmObjectType.Account, "accounts.csv", 5, null, RejectionStage.Validation, "objectId (column 'Id') may hold only letters, digits, '-' and '_', or be an email address"),
            ],
            result.Rejections);
    }

    [Fact]
    public void Map_Template_FillsPlaceholdersAndIsEmptyWhenAPlaceholderIsEmpty()
    {
        var mapping = Compile(AccountHeader + """

            url: { template: "https://crm.example/{Region}/accounts/{Id}?x={{y}}" }
            """);

        Assert.Equal(
            """{"objectId":"A-1","modifiedDate":"2024-03-01T12:00:00Z","url":"https://crm.example/eu/accounts/A-1?x={y}"}""",
            MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Region"] = "eu" }));
        Assert.Equal(
            """{"objectId":"A-1","modifiedDate":"2024-03-01T12:00:00Z"}""",
            MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Region"] = "" }));
    }

    [Fact]
    public void Map_ValueConstant_WritesTheSameValueForEveryRecord()
    {
        var mapping = Compile("""
            objectType: STAGE
            objectId: Key
            modifiedDate: { value: "2024-01-01T00:00:00Z" }
            fields:
              name: Name
              isActive: { value: "true" }
              sortOrder: { value: "3" }
            """);

        Assert.Equal(
            """{"objectId":"qualify","modifiedDate":"2024-01-01T00:00:00Z","name":"Qualification","isActive":true,"sortOrder":3}""",
            MapOne(mapping, new() { ["Key"] = "qualify", ["Name"] = "Qualification" }));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("FALSE", "false")]
    [InlineData("1", "true")]
    [InlineData("0", "false")]
    [InlineData("Yes", "true")]
    [InlineData("no", "false")]
    public void Map_IsDeleted_ReadsBooleanSpellings(string cell, string expected)
    {
        var mapping = Compile(AccountHeader + "\nisDeleted: Deleted\n");

        var json = MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Deleted"] = cell });

        Assert.Equal($$"""{"objectId":"A-1","modifiedDate":"2024-03-01T12:00:00Z","isDeleted":{{expected}}}""", json);
    }

    [Fact]
    public void Map_UnreadableBoolean_IsMappingRejectionNamingFieldNotValue()
    {
        var mapping = Compile(AccountHeader + "\nisDeleted: Deleted\n");

        var rejection = RejectOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Deleted"] = "secret-maybe" });

        Assert.Equal(RejectionStage.Mapping, rejection.Stage);
        Assert.Equal("A-1", rejection.ObjectId);
        Assert.Equal("isDeleted (column 'Deleted'): cannot read 'secret-maybe' as a boolean (true/false, yes/no, 1/0)", rejection.Reason);
    }

    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("-0,5", "-0.5")]
    [InlineData("12", "12")]
    [InlineData("1.000.000", "1000000")]
    public void Map_NumberWithGermanCulture_ReadsDecimalCommas(string cell, string expected)
    {
        var mapping = Compile("""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              amount: { column: Amount, type: number, culture: de-DE }
            """);

        var json = MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Amount"] = cell });

        Assert.Equal($$"""{"objectId":"D-1","modifiedDate":"2024-03-01T12:00:00Z","amount":{{expected}}}""", json);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("12,34,5")]
    [InlineData("abc")]
    public void Map_NumberWithInvariantCulture_RejectsDecimalCommaRatherThanMisreadingIt(string cell)
    {
        var mapping = Compile("""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            onInvalid: reject
            fields:
              amount: Amount
            """);

        var rejection = RejectOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Amount"] = cell });

        Assert.Equal(RejectionStage.Mapping, rejection.Stage);
        Assert.Equal($"field 'amount' (column 'Amount'): cannot read '{cell}' as a number (culture 'invariant')", rejection.Reason);
    }

    [Fact]
    public void Map_NumberWithThousandsSeparatorsAndExponent_WritesJsonNumber()
    {
        var mapping = Compile("""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              amount: Amount
            """);

        Assert.Contains("\"amount\":1234567.5}", MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Amount"] = "1,234,567.5" }), StringComparison.Ordinal);
        Assert.Contains("\"amount\":1500}", MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Amount"] = "1.5E3" }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/New_York", "2024-03-10 01:30:00", "2024-03-10T06:30:00Z")] // EST, before the jump
    [InlineData("America/New_York", "2024-03-10 02:30:00", "2024-03-10T07:30:00Z")] // in the gap: offset before the gap
    [InlineData("America/New_York", "2024-03-10 03:30:00", "2024-03-10T07:30:00Z")] // EDT, after the jump
    [InlineData("America/New_York", "2024-11-03 00:30:00", "2024-11-03T04:30:00Z")] // EDT
    [InlineData("America/New_York", "2024-11-03 01:30:00", "2024-11-03T05:30:00Z")] // ambiguous: first occurrence (EDT)
    [InlineData("America/New_York", "2024-11-03 02:30:00", "2024-11-03T07:30:00Z")] // EST
    [InlineData("America/New_York", "2024-07-01 12:00:00", "2024-07-01T16:00:00Z")]
    [InlineData("America/New_York", "2024-01-15 12:00:00", "2024-01-15T17:00:00Z")]
    [InlineData("Europe/Berlin", "2024-03-31 02:30:00", "2024-03-31T01:30:00Z")] // Berlin gap
    [InlineData("Europe/Berlin", "2024-10-27 02:30:00", "2024-10-27T00:30:00Z")] // Berlin ambiguous: CEST
    public void Map_DateTimeWithTimeZone_ConvertsToUtcAcrossDst(string zone, string cell, string expected)
    {
        var mapping = Compile($$"""
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: { column: Modified, format: "yyyy-MM-dd HH:mm:ss", timeZone: "{{zone}}" }
            """);

        var json = MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = cell });

        Assert.Equal($$"""{"objectId":"A-1","modifiedDate":"{{expected}}"}""", json);
    }

    [Theory]
    [InlineData("2024-03-01T12:00:00Z", "2024-03-01T12:00:00Z")]
    [InlineData("2024-03-01T12:00:00.987Z", "2024-03-01T12:00:00Z")] // fractional seconds dropped, not rounded
    [InlineData("2024-03-01T14:00:00+02:00", "2024-03-01T12:00:00Z")]
    [InlineData("2024-03-01T07:00:00-0500", "2024-03-01T12:00:00Z")]
    [InlineData("2024-03-01 12:00", "2024-03-01T12:00:00Z")]
    [InlineData("2024-03-01", "2024-03-01T00:00:00Z")]
    [InlineData(" 2024-03-01T12:00:00 ", "2024-03-01T12:00:00Z")]
    public void Map_IsoDateTimeWithoutTimeZone_IsUtcWithoutFraction(string cell, string expected)
    {
        var mapping = Compile(AccountHeader);

        Assert.Equal($$"""{"objectId":"A-1","modifiedDate":"{{expected}}"}""", MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = cell }));
    }

    [Fact]
    public void Map_ExplicitOffsetWinsOverTimeZone()
    {
        var mapping = Compile("""
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: { column: Modified, timeZone: "America/New_York" }
            """);

        Assert.Equal(
            """{"objectId":"A-1","modifiedDate":"2024-07-01T12:00:00Z"}""",
            MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-07-01T12:00:00Z" }));
        Assert.Equal(
            """{"objectId":"A-1","modifiedDate":"2024-07-01T16:00:00Z"}""",
            MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-07-01T12:00:00" }));
    }

    [Theory]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-03-01T25:00:00Z")]
    [InlineData("03/01/2024")]
    [InlineData("yesterday")]
    public void Map_UnreadableModifiedDate_IsMappingRejection(string cell)
    {
        var mapping = Compile(AccountHeader);

        var rejection = RejectOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = cell });

        Assert.Equal(RejectionStage.Mapping, rejection.Stage);
        Assert.StartsWith($"modifiedDate (column 'Modified'): cannot read '{cell}' as a date-time (expected ISO-8601", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_DateWithFormatAndCulture_WritesIsoDate()
    {
        var mapping = Compile("""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              closeDate: { column: Close, format: "d. MMMM yyyy", culture: de-DE }
              createdDate: { column: Created, type: datetime, format: "dd.MM.yyyy HH:mm" }
            """);

        var json = MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01", ["Close"] = "5. März 2024", ["Created"] = "31.12.2023 23:59" });

        Assert.Equal("""{"objectId":"D-1","modifiedDate":"2024-03-01T00:00:00Z","closeDate":"2024-03-05","createdDate":"2023-12-31T23:59:00Z"}""", json);
    }

    [Fact]
    public void Map_DateFromDateTimeCell_KeepsTheWrittenDate()
    {
        var mapping = Compile("""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              closeDate: Close
            """);

        Assert.Contains("\"closeDate\":\"2024-06-30\"", MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01", ["Close"] = "2024-06-30T23:00:00-05:00" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_StringArrayWithSplit_TransformsEachItemAndDropsEmptiesAndDuplicates()
    {
        var mapping = Compile(AccountHeader + """

            fields:
              domains: { column: Sites, split: ";", transform: [domain] }
            """);

        var json = MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01T12:00:00Z", ["Sites"] = "https://www.Acme.com/about; ;jo@acme.com;acme-group.example:8080" });

        Assert.Equal("""{"objectId":"A-1","modifiedDate":"2024-03-01T12:00:00Z","domains":["acme.com","acme-group.example"]}""", json);
    }

    [Fact]
    public void Map_StringArrayWithoutSplit_IsOneItemArray()
    {
        var mapping = Compile(AccountHeader + "\nfields:\n  domains: { column: Website, transform: [domain] }\n");

        Assert.EndsWith("\"domains\":[\"fabrikam.example\"]}", MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01", ["Website"] = "http://fabrikam.example" }), StringComparison.Ordinal);
        Assert.DoesNotContain("domains", MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01", ["Website"] = "  " }), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MapWithCatchAll_MapsCaseInsensitivelyAndCatchesOthers()
    {
        var mapping = Compile("""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              status: { column: Stage, map: { "Closed Won": WON, "closed lost": LOST, "*": OPEN } }
            """);

        string StatusOf(string stage) => MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01", ["Stage"] = stage });

        Assert.EndsWith("\"status\":\"WON\"}", StatusOf("CLOSED WON"), StringComparison.Ordinal);
        Assert.EndsWith("\"status\":\"LOST\"}", StatusOf("Closed Lost"), StringComparison.Ordinal);
        Assert.EndsWith("\"status\":\"OPEN\"}", StatusOf("Negotiation"), StringComparison.Ordinal);
        Assert.DoesNotContain("status", StatusOf(""), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MapWithoutCatchAll_PassesUnmappedValuesThrough()
    {
        var mapping = Compile(AccountHeader + """

            customFields:
              tier: { column: Tier, type: STRING, map: { G: Gold, S: Silver } }
            """);

        Assert.EndsWith("\"tier\":\"Gold\"}", MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01", ["Tier"] = "g" }), StringComparison.Ordinal);
        Assert.EndsWith("\"tier\":\"Bronze\"}", MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01", ["Tier"] = "Bronze" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_Default_AppliesOnlyToEmptyCells()
    {
        var mapping = Compile("""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              status: { column: Status, default: OPEN }
              amount: { column: Amount, default: "0" }
            """);

        Assert.Equal(
            """{"objectId":"D-1","modifiedDate":"2024-03-01T00:00:00Z","status":"OPEN","amount":0}""",
            MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01", ["Status"] = " " }));
        Assert.Equal(
            """{"objectId":"D-1","modifiedDate":"2024-03-01T00:00:00Z","status":"WON","amount":5}""",
            MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-03-01", ["Status"] = "won", ["Amount"] = "5" }));
    }

    [Fact]
    public void Map_RequiredEmpty_IsMappingRejection()
    {
        var mapping = Compile(AccountHeader + "\nfields:\n  name: { column: Name, required: true }\n");

        var rejection = RejectOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01", ["Name"] = "" });

        Assert.Equal(new Rejection(CrmObjectType.Account, "export.csv", 2, "A-1", RejectionStage.Mapping, "field 'name' (column 'Name') is required but empty"), rejection);
    }

    [Fact]
    public void Map_Transforms_ApplyInListedOrder()
    {
        var mapping = Compile(AccountHeader + """

            customFields:
              code: { column: Raw, type: STRING, transform: [trim, upper] }
              slugged: { column: Raw, type: STRING, transform: [slug] }
              digitsOnly: { column: Phone, type: PHONENUMBER, transform: [digits] }
              lowered: { column: Raw, type: STRING, transform: [lower, trim] }
            """);

        var json = MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01", ["Raw"] = "  Clôture Gagnée! ", ["Phone"] = "+1 (555) 010-0200" });

        Assert.Equal(
            """{"objectId":"A-1","modifiedDate":"2024-03-01T00:00:00Z","code":"CLÔTURE GAGNÉE!","slugged":"cloture-gagnee","digitsOnly":"15550100200","lowered":"clôture gagnée!"}""",
            json);
    }

    [Fact]
    public void Map_ObjectIdThroughTransforms_UsesTransformedValue()
    {
        var mapping = Compile("""
            objectType: STAGE
            objectId: { column: Stage, transform: [slug] }
            modifiedDate: { value: "2024-01-01T00:00:00Z" }
            fields:
              name: Stage
            """);

        var result = Map(mapping, new() { ["Stage"] = "Closed Won" });

        Assert.Equal("closed-won", result.ObjectIdOf(Assert.Single(result.Records)));
        Assert.Equal("""{"objectId":"closed-won","modifiedDate":"2024-01-01T00:00:00Z","name":"Closed Won"}""", Json(result));
    }

    [Fact]
    public void Map_ManyChunksInParallel_GivesTheSameJsonAsSequential()
    {
        var mapping = Compile(SpecDealMapping);
        var rows = Enumerable.Range(0, 500).Select(i => new Dictionary<string, string>
        {
            ["Id"] = $"OPP-{i}",
            ["LastModified"] = "2024-03-03 09:20:00",
            ["Amount"] = $"{i},5",
            ["StageName"] = i % 2 == 0 ? "Closed Won" : "Qualify",
            ["Forecast"] = "Commit",
            ["Probability"] = (i % 101).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToArray();
        var expected = MapRows(mapping, rows);

        var results = new GongCrmBridge.Mapping.MappedChunk[16];
        Parallel.For(0, results.Length, i => results[i] = MapRows(mapping, rows));

        foreach (var result in results)
        {
            Assert.Equal(expected.Json.ToArray(), result.Json.ToArray());
            Assert.Equal(expected.Records, result.Records);
        }
    }

    [Fact]
    public void Map_NonAsciiAndQuotes_AreValidJson()
    {
        var mapping = Compile(AccountHeader + "\nfields:\n  name: Name\n");

        var json = MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-03-01", ["Name"] = "Zoë \"Q\" <b>\\ 株式会社" });

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("Zoë \"Q\" <b>\\ 株式会社", doc.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Map_WrongColumnCount_Throws()
    {
        var mapping = Compile(AccountHeader);

        Assert.Throws<ArgumentException>(() => mapping.Map(new GongCrmBridge.Sources.SourceChunk("x.csv", 5)));
    }
}

public sealed class DateParsingTests
{
    [Theory]
    [InlineData("MM/dd/yyyy", "06/30/2024", "2024-06-30")]
    [InlineData("dd.MM.yyyy", "30.06.2024", "2024-06-30")]
    [InlineData("yyyyMMdd", "20240630", "2024-06-30")]
    [InlineData("M/d/yyyy", "6/3/2024", "2024-06-03")] // not fixed-width: parsed by ParseExact
    [InlineData("dd MMM yyyy", "03 Jun 2024", "2024-06-03")]
    public void Map_DateFormats_ParseExactly(string format, string cell, string expected)
    {
        var mapping = MappingTestKit.Compile($$"""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              closeDate: { column: Close, format: "{{format}}" }
            """);

        var json = MappingTestKit.MapOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-01-01", ["Close"] = cell });

        Assert.EndsWith($"\"closeDate\":\"{expected}\"}}", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MM/dd/yyyy", "6/30/2024")]
    [InlineData("MM/dd/yyyy", "13/01/2024")]
    [InlineData("MM/dd/yyyy", "02/30/2024")]
    [InlineData("MM/dd/yyyy", "2024-06-30")]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2024-06-30 24:00:00")]
    public void Map_DateNotMatchingFormat_IsRejected(string format, string cell)
    {
        var mapping = MappingTestKit.Compile($$"""
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              createdDate: { column: Created, format: "{{format}}", onInvalid: reject }
            """);

        var rejection = MappingTestKit.RejectOne(mapping, new() { ["Id"] = "D-1", ["Modified"] = "2024-01-01", ["Created"] = cell });

        Assert.Equal($"field 'createdDate' (column 'Created'): cannot read '{cell}' as a date-time with format '{format}'", rejection.Reason);
    }

    [Fact]
    public void Map_ManyLocalTimesAroundFallBack_ConvertEachCorrectly()
    {
        // Given one chunk mixing times before, inside and after the repeated hour (the offset cache is shared)
        var mapping = MappingTestKit.Compile("""
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: { column: Modified, format: "yyyy-MM-dd HH:mm:ss", timeZone: America/New_York }
            """);
        string[] local = ["2024-11-03 00:59:59", "2024-11-03 01:00:00", "2024-11-03 01:59:59", "2024-11-03 02:00:00", "2024-11-03 00:10:00", "2024-11-03 01:30:00", "2024-11-03 03:00:00"];
        string[] utc = ["2024-11-03T04:59:59Z", "2024-11-03T05:00:00Z", "2024-11-03T05:59:59Z", "2024-11-03T07:00:00Z", "2024-11-03T04:10:00Z", "2024-11-03T05:30:00Z", "2024-11-03T08:00:00Z"];

        // When they are mapped together
        var result = MappingTestKit.MapRows(mapping, [.. local.Select((t, i) => new Dictionary<string, string> { ["Id"] = $"A-{i}", ["Modified"] = t })]);

        // Then each is right
        Assert.Equal(utc.Select(u => DateTime.Parse(u, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal).Ticks), result.Records.Select(r => r.ModifiedUtcTicks));
        Assert.Equal(utc.Select((u, i) => $$"""{"objectId":"A-{{i}}","modifiedDate":"{{u}}"}"""), result.Records.Select((_, i) => MappingTestKit.Json(result, i)));
    }
}

public sealed class InvalidTextTests
{
    [Fact]
    public void Map_LoneSurrogate_IsWrittenAsReplacementCharacter()
    {
        var mapping = MappingTestKit.Compile(MappingTestKit.AccountHeader + "\nfields:\n  name: Name\n");

        var json = MappingTestKit.MapOne(mapping, new() { ["Id"] = "A-1", ["Modified"] = "2024-01-01", ["Name"] = "bad \ud800 text" });

        Assert.Equal("""{"objectId":"A-1","modifiedDate":"2024-01-01T00:00:00Z","name":"bad \uFFFD text"}""", json);
    }
}

public sealed class TimeZoneCacheTests
{
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData("Australia/Lord_Howe")] // a 30-minute daylight-saving shift
    public void Map_EveryHalfHourOfTwoYears_MatchesTimeZoneInfo(string zoneId)
    {
        // Given local times every 30 minutes (minus a second) over two years, mapped in one chunk twice
        var mapping = MappingTestKit.Compile($$"""
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: { column: Modified, format: "yyyy-MM-dd HH:mm:ss", timeZone: "{{zoneId}}" }
            """);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = Enumerable.Range(0, 2 * 366 * 48).Select(i => new DateTime(2023, 1, 1).AddMinutes((30 * i) + 29).AddSeconds(59)).ToList();
        var rows = local.Select((t, i) => new Dictionary<string, string> { ["Id"] = $"A-{i}", ["Modified"] = t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) }).ToArray();

        // When mapped (the second pass hits the offset cache)
        MappingTestKit.MapRows(mapping, rows);
        var result = MappingTestKit.MapRows(mapping, rows);

        // Then every time equals TimeZoneInfo's conversion, where that is defined (skipped and repeated times follow
        // the documented rules and are tested elsewhere)
        Assert.Equal(rows.Length, result.Records.Count);
        for (var i = 0; i < local.Count; i++)
        {
            if (zone.IsInvalidTime(local[i]) || zone.IsAmbiguousTime(local[i]))
            {
                continue;
            }

            Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local[i], zone).Ticks, result.Records[i].ModifiedUtcTicks);
        }
    }
}
