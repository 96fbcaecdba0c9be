using static GongCrmBridge.Tests.Mapping.MappingTestKit;

namespace GongCrmBridge.Tests.Mapping;

/// <summary>SPEC.md "Everyday data": one test per key and transform through the real loader and compiled mapping,
/// with its configuration errors.</summary>
public sealed class EverydayKeysTests
{
    private const string PinnedHash = "09a608063f7411c6"; // XxHash3 (seed 0) of "Acme Corporation|Zürich|2024" in UTF-8

    private const string Lead = """
        objectType: LEAD
        objectId: Id
        modifiedDate: Modified
        """;

    private static Dictionary<string, string> Row(params (string Column, string Value)[] cells)
    {
        var row = new Dictionary<string, string> { ["Id"] = "L-1", ["Modified"] = "2024-03-01T12:00:00Z" };
        foreach (var (column, value) in cells)
        {
            row[column] = value;
        }

        return row;
    }

    [Theory]
    [InlineData("a@x.example", "", "a@x.example")]
    [InlineData("", "b@x.example", "b@x.example")]
    [InlineData("null", "b@x.example", "b@x.example")]
    public void ColumnList_FirstNonEmptyCellWins(string work, string home, string expected)
    {
        var mapping = Compile(Lead + "\nfields:\n  emailAddress: { column: [WorkEmail, HomeEmail] }\n");

        Assert.Contains($"\"emailAddress\":\"{expected}\"", MapOne(mapping, Row(("WorkEmail", work), ("HomeEmail", home))), StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnList_Empty_IsAProblem() =>
        Assert.Contains("the column list is empty", Problems(Lead + "\nfields:\n  emailAddress: { column: [] }\n").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("2024-03-05 14:30:00", "2024-03-05T14:30:00Z")]
    [InlineData("3/5/2024 14:30", "2024-03-05T14:30:00Z")]
    [InlineData("3/5/2024", "2024-03-05T00:00:00Z")]
    public void FormatList_TriedInOrder(string cell, string expected)
    {
        var mapping = Compile("""
            objectType: LEAD
            objectId: Id
            modifiedDate: { column: [LastModifiedDate, CreatedDate], format: ["yyyy-MM-dd HH:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy"] }
            """);

        var row = new Dictionary<string, string> { ["Id"] = "L-1", ["LastModifiedDate"] = "", ["CreatedDate"] = cell };
        Assert.Equal($$"""{"objectId":"L-1","modifiedDate":"{{expected}}"}""", MapOne(mapping, row));
    }

    [Fact]
    public void FormatList_UnreadableValue_NamesEveryFormat()
    {
        var mapping = Compile("""
            objectType: LEAD
            objectId: Id
            modifiedDate: { column: Modified, format: ["yyyy-MM-dd", "dd.MM.yyyy"] }
            """);

        var rejection = RejectOne(mapping, new() { ["Id"] = "L-1", ["Modified"] = "March 5" });
        Assert.Equal("modifiedDate (column 'Modified'): cannot read 'March 5' as a date-time with format 'yyyy-MM-dd', 'dd.MM.yyyy'", rejection.Reason);
    }

    [Fact]
    public void FormatList_BadFormat_IsAProblemAtItsItem()
    {
        var problems = Problems("objectType: LEAD\nobjectId: Id\nmodifiedDate: { column: M, format: [\"yyyy-MM-dd\", \"%\"] }\n");
        var problem = Assert.Single(problems.Problems);
        Assert.Equal((3, 51), (problem.Line, problem.Column));
        Assert.Contains("'%' is not a valid .NET date format", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueNow_IsTheRunsStart()
    {
        var mapping = Compile("objectType: STAGE\nobjectId: Name\nmodifiedDate: { value: now }\nfields:\n  name: Name\n");

        var chunk = mapping.Map(Chunk(mapping, new Dictionary<string, string> { ["Name"] = "Negotiation" }), "2026-12-07T23:00:00Z");

        Assert.Equal("""{"objectId":"Negotiation","modifiedDate":"2026-12-07T23:00:00Z","name":"Negotiation"}""", Json(chunk));
    }

    [Fact]
    public void ValueNow_WithFormat_IsAProblem() =>
        Assert.Contains("value: now is the run's start time; it takes no format", Problems("objectType: STAGE\nobjectId: Name\nmodifiedDate: { value: now, format: \"yyyy\" }\nfields:\n  name: Name\n").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("[first, lower]", "Jo@A.example, jo@b.example", "jo@a.example")]
    [InlineData("[last]", "jo@a.example; jo@b.example", "jo@b.example")]
    [InlineData("[{ replace: [\" \", \"\"] }]", "jo @a.example", "jo@a.example")]
    [InlineData("[{ before: \"+\" }]", "jo+crm@a.example", "jo")]
    [InlineData("[{ after: \"mailto:\" }]", "mailto:jo@a.example", "jo@a.example")]
    [InlineData("[{ after: \"mailto:\" }]", "jo@a.example", "jo@a.example")]
    public void Transforms_OnATextField(string transforms, string cell, string expected)
    {
        var mapping = Compile(Lead + $"\nfields:\n  title: {{ column: T, transform: {transforms} }}\n");

        Assert.Contains($"\"title\":\"{expected}\"", MapOne(mapping, Row(("T", cell))), StringComparison.Ordinal);
    }

    [Fact]
    public void First_WithSplitList_SplitsOnAnyOfThem()
    {
        var mapping = Compile(Lead + "\nfields:\n  emailAddress: { column: E, split: [\",\", \"/\", \" \"], transform: [first, lower] }\n");

        Assert.Contains("\"emailAddress\":\"ann@x.example\"", MapOne(mapping, Row(("E", " ANN@x.example / bo@x.example"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Split_OnATextFieldWithoutFirstOrLast_IsAProblem() =>
        Assert.Contains("split applies to stringArray values, or with the first / last transform", Problems(Lead + "\nfields:\n  title: { column: T, split: \",\" }\n").Message, StringComparison.Ordinal);

    [Fact]
    public void TruncateAndHash_MakeLongKeysFit()
    {
        var mapping = Compile("objectType: LEAD\nobjectId: { column: Key, transform: [hash] }\nmodifiedDate: Modified\nfields:\n  title: { column: T, transform: [{ truncate: 5 }] }\n");
        var longKey = new string('k', 300);

        var json = MapOne(mapping, new() { ["Key"] = longKey, ["Modified"] = "2024-03-01", ["T"] = "Vice President" });
        var again = MapOne(mapping, new() { ["Key"] = longKey, ["Modified"] = "2024-03-01", ["T"] = "Vice President" });

        Assert.Matches("""^\{"objectId":"[0-9a-f]{16}","modifiedDate":"2024-03-01T00:00:00Z","title":"Vice"\}$""", json);
        Assert.Equal(json, again);
    }

    [Fact]
    public void Hash_IsXxHash3OfTheUtf8Value_TheSameInEveryRunAndVersion()
    {
        // A key hashed once must hash the same on every later night, or Gong would get a new object: the value is pinned.
        var mapping = Compile("objectType: LEAD\nobjectId: { column: Key, transform: [hash] }\nmodifiedDate: Modified\n");

        var json = MapOne(mapping, new() { ["Key"] = "Acme Corporation|Zürich|2024", ["Modified"] = "2024-03-01" });

        var expected = System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes("Acme Corporation|Zürich|2024")).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(PinnedHash, expected);
        Assert.Contains($"\"objectId\":\"{PinnedHash}\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{ truncate: 0 }]", "truncate needs a whole number above 0")]
    [InlineData("[{ truncate: many }]", "truncate needs a whole number above 0")]
    [InlineData("[truncate]", "transform 'truncate' takes an argument")]
    [InlineData("[{ replace: [a] }]", "replace takes two texts")]
    [InlineData("[{ before: \"\" }]", "before needs a non-empty text")]
    [InlineData("[{ shout: x }]", "unknown transform 'shout' with an argument")]
    [InlineData("[{ a: 1, b: 2 }]", "a transform is a name (trim) or a one-key mapping")]
    public void Transforms_BadArgument_IsAProblem(string transforms, string expected) =>
        Assert.Contains(expected, Problems(Lead + $"\nfields:\n  title: {{ column: T, transform: {transforms} }}\n").Message, StringComparison.Ordinal);

    [Fact]
    public void TemplatePlaceholder_TakesTransforms()
    {
        var mapping = Compile(Lead + "\nfields:\n  emailAddress: { template: \"{First Name|trim|lower}.{Last Name|lower|truncate:4}@acme.example\" }\n");

        Assert.Contains("\"emailAddress\":\"anna.mull@acme.example\"", MapOne(mapping, Row(("First Name", " Anna "), ("Last Name", "Muller"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{A|shout}", "unknown transform 'shout' in a placeholder")]
    [InlineData("{A|truncate:x}", "truncate needs a whole number above 0")]
    [InlineData("{A|trim:3}", "transform 'trim' takes no argument")]
    public void TemplatePlaceholder_BadTransform_IsAProblem(string template, string expected) =>
        Assert.Contains(expected, Problems(Lead + $"\nfields:\n  title: {{ template: \"{template}\" }}\n").Message, StringComparison.Ordinal);

    [Fact]
    public void Optional_ColumnMayBeMissingFromTheExport()
    {
        var mapping = Compile(Lead + "\nfields:\n  convertedToDealId: { column: ConvertedOpportunityId, optional: true }\n  title: Title\n");

        Assert.Contains("ConvertedOpportunityId", mapping.OptionalColumns);
        Assert.DoesNotContain("Title", mapping.OptionalColumns);
    }

    [Fact]
    public void Optional_NotABoolean_IsAProblem() =>
        Assert.Contains("optional", Problems(Lead + "\nfields:\n  title: { column: T, optional: perhaps }\n").Message, StringComparison.Ordinal);

    [Fact]
    public void Where_RowsThatFailItAreSkipped()
    {
        var mapping = Compile(Lead + "\nwhere: [{ column: IsConverted, notIn: [\"true\", \"1\"] }, { column: Email, matches: \"@\" }]\nfields:\n  emailAddress: Email\n");

        var chunk = MapRows(mapping, [
            Row(("IsConverted", "false"), ("Email", "a@x.example")),
            Row(("IsConverted", "TRUE"), ("Email", "b@x.example")),
            Row(("IsConverted", "0"), ("Email", "none")),
        ]);

        Assert.Equal((1, 0, 2), (chunk.Records.Count, chunk.Rejections.Count, chunk.Skipped));
    }

    [Theory]
    [InlineData("{ column: Status, in: [Open, Working] }", 2)]
    [InlineData("{ column: Status, equals: Open }", 1)]
    [InlineData("{ column: Status, notEquals: Open }", 2)]
    [InlineData("[{ column: Status, notIn: [Open] }, { column: Status, notEquals: Closed }]", 1)]
    public void Where_EachOperator_KeepsTheRowsItHoldsFor(string where, int kept)
    {
        var mapping = Compile(Lead + $"\nwhere: {where}\nfields:\n  title: Status\n");

        var chunk = MapRows(mapping, [Row(("Status", "Open")), Row(("Status", "Working")), Row(("Status", "Closed"))]);

        Assert.Equal((kept, 3 - kept), (chunk.Records.Count, chunk.Skipped));
    }

    [Theory]
    [InlineData("where: { column: A }", "give exactly one of equals, notEquals, in, notIn or matches")]
    [InlineData("where: { column: A, in: x }", "in takes a non-empty list")]
    [InlineData("where: { column: A, matches: \"(\" }", "not a valid regular expression")]
    [InlineData("where: { equals: x }", "column is missing or empty")]
    [InlineData("where: { column: A, equals: x, in: [y] }", "give exactly one of")]
    public void Where_Bad_IsAProblem(string where, string expected) =>
        Assert.Contains(expected, Problems(Lead + "\n" + where + "\n").Message, StringComparison.Ordinal);

    [Fact]
    public void NullValues_Default_HidesNullTextAndSalesforcePlaceholder()
    {
        var mapping = Compile(Lead + "\nfields:\n  phoneNumber: Phone\n  convertedToAccountId: Account\n");

        Assert.Equal("""{"objectId":"L-1","modifiedDate":"2024-03-01T12:00:00Z"}""", MapOne(mapping, Row(("Phone", "null"), ("Account", "000000000000000AAA"))));
    }

    [Fact]
    public void NullValues_MappingAndFieldLists()
    {
        var mapping = Compile(Lead + "\nnullValues: [\"N/A\"]\nfields:\n  phoneNumber: Phone\n  title: { column: T, nullValues: [\"-\"] }\n");

        // The mapping's list replaces the defaults; a field's list replaces the mapping's.
        Assert.Equal(
            """{"objectId":"L-1","modifiedDate":"2024-03-01T12:00:00Z","phoneNumber":"null","title":"N/A"}""",
            MapOne(mapping, Row(("Phone", "null"), ("T", "N/A"))));
        Assert.Equal("""{"objectId":"L-1","modifiedDate":"2024-03-01T12:00:00Z"}""", MapOne(mapping, Row(("Phone", " N/A "), ("T", "-"))));
    }

    [Fact]
    public void NullValues_EmptyList_SwitchesTheDefaultsOff()
    {
        var mapping = Compile(Lead + "\nnullValues: []\nfields:\n  title: T\n");

        Assert.Contains("\"title\":\"null\"", MapOne(mapping, Row(("T", "null"))), StringComparison.Ordinal);
    }

    [Fact]
    public void NullValues_NotAList_IsAProblem() =>
        Assert.Contains("nullValues must be a list of texts", Problems(Lead + "\nnullValues: null\n").Message, StringComparison.Ordinal);

    [Fact]
    public void OnInvalid_DefaultOmitsAnOptionalFieldAndRecordsTheIssue()
    {
        var mapping = Compile(Lead + "\ncustomFields:\n  region: { column: Region, type: PICKLIST, values: [EMEA, AMER] }\n  size: { column: Size, type: NUMBER, onInvalid: reject }\n");

        var omitted = Map(mapping, Row(("Region", "APAC"), ("Size", "12")));
        var rejected = Map(mapping, Row(("Region", "APAC"), ("Size", "twelve")));

        Assert.Equal("""{"objectId":"L-1","modifiedDate":"2024-03-01T12:00:00Z","size":12}""", Json(omitted));
        var issue = Assert.Single(omitted.FieldIssues);
        Assert.Equal(("L-1", 2L, "region"), (issue.ObjectId, issue.Line, issue.Field));
        Assert.Equal("custom field 'region' (column 'Region') is not one of the PICKLIST values (got 'APAC'; allowed: EMEA, AMER)", issue.Reason);

        // A rejected record names every reason, not only the first.
        Assert.Equal(
            "custom field 'size' (column 'Size'): cannot read 'twelve' as a number (culture 'invariant')",
            Assert.Single(rejected.Rejections).Reason);
    }

    [Fact]
    public void EveryReason_IsJoined()
    {
        var mapping = Compile(Lead + "\nonInvalid: reject\nfields:\n  emailAddress: E\ncustomFields:\n  size: { column: Size, type: NUMBER }\n");

        var rejection = RejectOne(mapping, Row(("E", "not-an-email"), ("Size", "twelve")));

        Assert.Equal(
            "field 'emailAddress' (column 'E') is not a valid email address; custom field 'size' (column 'Size'): cannot read 'twelve' as a number (culture 'invariant')",
            rejection.Reason);
        Assert.DoesNotContain("not-an-email", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnInvalid_MappingWideOmit_LeavesOutEveryBadOptionalValue()
    {
        var mapping = Compile(Lead + "\nonInvalid: omit\nfields:\n  emailAddress: E\ncustomFields:\n  size: { column: Size, type: NUMBER }\n");

        var chunk = Map(mapping, Row(("E", "not-an-email"), ("Size", "twelve")));

        Assert.Equal("""{"objectId":"L-1","modifiedDate":"2024-03-01T12:00:00Z"}""", Json(chunk));
        Assert.Equal(["emailAddress", "size"], chunk.FieldIssues.Select(i => i.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OnInvalid_RequiredField_RejectsByDefault()
    {
        var mapping = Compile(Lead + "\ncustomFields:\n  size: { column: Size, type: NUMBER, required: true }\n");

        var rejection = RejectOne(mapping, Row(("Size", "twelve")));

        Assert.Equal("custom field 'size' (column 'Size'): cannot read 'twelve' as a number (culture 'invariant')", rejection.Reason);
    }

    [Fact]
    public void Reason_LongValue_IsNamedByItsFirst40Characters()
    {
        var mapping = Compile(Lead + "\ncustomFields:\n  size: { column: Size, type: NUMBER, onInvalid: reject }\n");
        var value = new string('9', 39) + "x and the rest of a long cell";

        var rejection = RejectOne(mapping, Row(("Size", value)));

        Assert.Contains(value[..40], rejection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(value[..41], rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("objectId: { column: Id, onInvalid: omit }", "onInvalid: omit is not possible here")]
    [InlineData("objectId: Id\ncustomFields:\n  s: { column: S, type: NUMBER, onInvalid: drop }", "onInvalid must be reject or omit, not 'drop'")]
    public void OnInvalid_Bad_IsAProblem(string yaml, string expected) =>
        Assert.Contains(expected, Problems("objectType: LEAD\nmodifiedDate: Modified\n" + yaml + "\n").Message, StringComparison.Ordinal);

    [Fact]
    public void PicklistAuto_DeclaresTheDistinctValuesSorted()
    {
        var mapping = Compile(Lead + "\ncustomFields:\n  status: { column: Status, type: PICKLIST, values: auto }\n");

        MapRows(mapping, [Row(("Status", "Working")), Row(("Status", "Open")), Row(("Status", "working")), Row(("Status", ""))]);

        Assert.Equal(["Open", "Working"], Assert.Single(mapping.CustomFields).OrderedValueList);
    }

    [Fact]
    public void Problems_AreAllReportedAtOnce()
    {
        var problems = Problems(Lead + "\nwhere: { column: A }\nfields:\n  title: { column: T, transform: [{ truncate: 0 }], onInvalid: maybe }\n");

        Assert.Equal(3, problems.Problems.Count);
        Assert.All(problems.Problems, p => Assert.True(p.Line > 0 && p.Column > 0));
    }
}
