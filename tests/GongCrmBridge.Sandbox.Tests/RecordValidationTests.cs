namespace GongCrmBridge.Sandbox.Tests;

/// <summary>Gong's per-record rules (CRM-API.md §2.6): each bad line is reported with its field; good lines pass.</summary>
public sealed class RecordValidationTests
{
    private const string M = "\"modifiedDate\":\"2024-03-01T08:00:00Z\"";

    public static TheoryData<string, string, string> BadRecords() => new()
    {
        // common fields
        { "ACCOUNT", "{" + M + "}", "Mandatory field [objectId] is missing or empty" },
        { "ACCOUNT", "{\"objectId\":\"\"," + M + "}", "Mandatory field [objectId]" },
        { "ACCOUNT", "{\"objectId\":42," + M + "}", "Mandatory field [objectId]" },
        { "ACCOUNT", "{\"objectId\":\"" + new string('A', 65) + "\"," + M + "}", "[objectId] is longer than 64" },
        { "ACCOUNT", "{\"objectId\":\"ACC 1\"," + M + "}", "[objectId] may contain only" },
        { "ACCOUNT", "{\"objectId\":\"ACC/1\"," + M + "}", "[objectId] may contain only" },
        { "ACCOUNT", "{\"objectId\":\"ACC_1\"," + M + "}", "[objectId] may contain only" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\"}", "Mandatory field [modifiedDate] is missing or empty" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\",\"modifiedDate\":\"2024-03-01T08:00:00.123Z\"}", "[modifiedDate]" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\",\"modifiedDate\":\"2024-03-01 08:00:00\"}", "[modifiedDate]" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\",\"modifiedDate\":\"2024-03-01T08:00:00\"}", "[modifiedDate]" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\",\"modifiedDate\":\"2024-02-30T08:00:00Z\"}", "[modifiedDate]" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\"," + M + ",\"isDeleted\":\"yes\"}", "[isDeleted]" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\"," + M + ",\"url\":\"crm/accounts/1\"}", "[url]" },
        { "ACCOUNT", "not json", "Line is not valid JSON" },
        { "ACCOUNT", "[1,2]", "Line is not a JSON object" },
        // ACCOUNT
        { "ACCOUNT", "{\"objectId\":\"ACC-1\"," + M + ",\"name\":5}", "[name]" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\"," + M + ",\"domains\":\"a.example\"}", "[domains]" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\"," + M + ",\"domains\":[\"a.example\",3]}", "[domains]" },
        // CONTACT
        { "CONTACT", "{\"objectId\":\"CON-1\"," + M + ",\"emailAddress\":\"li.wei\"}", "[emailAddress]" },
        { "CONTACT", "{\"objectId\":\"CON-1\"," + M + ",\"accountId\":1001}", "[accountId]" },
        { "CONTACT", "{\"objectId\":\"CON-1\"," + M + ",\"phoneNumber\":4420}", "[phoneNumber]" },
        // DEAL
        { "DEAL", "{\"objectId\":\"OPP-1\"," + M + ",\"status\":\"Open\"}", "[status]" },
        { "DEAL", "{\"objectId\":\"OPP-1\"," + M + ",\"status\":\"CLOSED\"}", "[status]" },
        { "DEAL", "{\"objectId\":\"OPP-1\"," + M + ",\"closeDate\":\"2024-06-30T00:00:00Z\"}", "[closeDate]" },
        { "DEAL", "{\"objectId\":\"OPP-1\"," + M + ",\"closeDate\":\"30/06/2024\"}", "[closeDate]" },
        { "DEAL", "{\"objectId\":\"OPP-1\"," + M + ",\"amount\":\"48000\"}", "[amount]" },
        { "DEAL", "{\"objectId\":\"OPP-1\"," + M + ",\"createdDate\":\"2024-01-15\"}", "[createdDate]" },
        // LEAD
        { "LEAD", "{\"objectId\":\"LEAD-1\"," + M + ",\"emailAddress\":\"sam@\"}", "[emailAddress]" },
        { "LEAD", "{\"objectId\":\"LEAD-1\"," + M + ",\"convertedToDealId\":7002}", "[convertedToDealId]" },
        // BUSINESS_USER
        { "BUSINESS_USER", "{\"objectId\":\"USR-1\"," + M + "}", "Mandatory field [emailAddress] is missing or empty" },
        { "BUSINESS_USER", "{\"objectId\":\"USR-1\"," + M + ",\"emailAddress\":\"ana.silva\"}", "[emailAddress]" },
        // STAGE
        { "STAGE", "{\"objectId\":\"qualify\"," + M + "}", "Mandatory field [name] is missing or empty" },
        { "STAGE", "{\"objectId\":\"qualify\",\"name\":\"Q\",\"isActive\":\"true\"}", "[isActive]" },
        { "STAGE", "{\"objectId\":\"qualify\",\"name\":\"Q\",\"sortOrder\":1.5}", "[sortOrder]" },
        { "STAGE", "{\"objectId\":\"qualify\",\"name\":\"Q\",\"sortOrder\":0}", "[sortOrder]" },
    };

    public static TheoryData<string, string> GoodRecords() => new()
    {
        { "ACCOUNT", "{\"objectId\":\"ACC-1\"," + M + ",\"url\":\"https://crm.example/a/1\",\"name\":\"F\",\"domains\":[\"f.example\"],\"undeclared\":{\"x\":1}}" },
        { "ACCOUNT", "{\"objectId\":\"ACC-1\",\"modifiedDate\":\"2024-03-01T11:15:00+02:00\",\"name\":null}" },
        { "ACCOUNT", "{\"objectId\":\"jane.doe@contoso.example\"," + M + "}" },
        { "ACCOUNT", "{\"objectId\":\"" + new string('A', 64) + "\"," + M + "}" },
        { "CONTACT", "{\"objectId\":\"CON-1\"," + M + ",\"accountId\":\"ACC-1\",\"emailAddress\":\"li@f.example\",\"firstName\":\"Li\",\"lastName\":\"Wei\",\"title\":\"CIO\",\"phoneNumber\":\"+44 20\"}" },
        { "DEAL", "{\"objectId\":\"OPP-1\"," + M + ",\"accountId\":\"ACC-1\",\"ownerId\":\"USR-1\",\"name\":\"R\",\"createdDate\":\"2024-01-15T09:00:00Z\",\"closeDate\":\"2024-06-30\",\"status\":\"WON\",\"stage\":\"negotiate\",\"amount\":48000.5}" },
        { "LEAD", "{\"objectId\":\"LEAD-1\"," + M + ",\"emailAddress\":\"s@n.example\",\"convertedToAccountId\":\"ACC-1\",\"convertedToContactId\":\"CON-1\",\"convertedToDealId\":\"OPP-1\"}" },
        { "BUSINESS_USER", "{\"objectId\":\"USR-7\"," + M + ",\"isDeleted\":true}" },
        { "STAGE", "{\"objectId\":\"legacy-demo\"," + M + ",\"name\":\"Demo\",\"isActive\":false,\"sortOrder\":2}" },
        { "ACCOUNT", "{\"objectId\":\"ACC-9\"," + M + ",\"isDeleted\":true}" },
    };

    public static TheoryData<string, string> BadCustomValues() => new()
    {
        { "fBool", "\"true\"" },
        { "fDate", "\"2024-05-31T00:00:00Z\"" },
        { "fDateTime", "\"2024-05-31\"" },
        { "fDateTime", "\"2024-05-31T16:00:00.5Z\"" },
        { "fPick", "\"Maybe\"" },
        { "fNumber", "\"12\"" },
        { "fPercent", "101" },
        { "fPercent", "-1" },
        { "fCurrency", "\"$5\"" },
        { "fEmail", "\"nobody\"" },
        { "fUrl", "\"not a url\"" },
        { "fString", "5" },
        { "fPhone", "15551234567" },
        { "fRef", "1001" },
        { "fId", "true" },
        { "fArray", "\"a.example\"" },
    };

    private const string CustomSchema = """
        [
          {"uniqueName":"fBool","label":"B","type":"BOOLEAN"},
          {"uniqueName":"fDate","label":"D","type":"DATE"},
          {"uniqueName":"fDateTime","label":"DT","type":"DATETIME"},
          {"uniqueName":"fPick","label":"P","type":"PICKLIST","orderedValueList":["Yes","No"]},
          {"uniqueName":"fNumber","label":"N","type":"NUMBER"},
          {"uniqueName":"fPercent","label":"PC","type":"PERCENT"},
          {"uniqueName":"fCurrency","label":"C","type":"CURRENCY"},
          {"uniqueName":"fEmail","label":"E","type":"EMAILADDRESS"},
          {"uniqueName":"fUrl","label":"U","type":"URL"},
          {"uniqueName":"fString","label":"S","type":"STRING"},
          {"uniqueName":"fPhone","label":"PH","type":"PHONENUMBER"},
          {"uniqueName":"fRef","label":"R","type":"REFERENCE","referenceTo":"ACCOUNT"},
          {"uniqueName":"fId","label":"I","type":"ID"},
          {"uniqueName":"fArray","label":"A","type":"STRINGARRAY"}
        ]
        """;

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task Upload_RecordBreakingARule_IsReportedOnItsLineAndNotStored(string objectType, string line, string expected)
    {
        await using var test = await TestSandbox.StartAsync();
        var valid = objectType == "STAGE"
            ? "{\"objectId\":\"good-1\",\"name\":\"Good\"}"
            : objectType == "BUSINESS_USER"
                ? "{\"objectId\":\"good-1\"," + M + ",\"emailAddress\":\"g@contoso.example\"}"
                : "{\"objectId\":\"good-1\"," + M + "}";

        var status = await test.UploadAndCompleteAsync(objectType, valid + "\n" + line + "\n");

        Assert.Equal("FAILED", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("totalErrorCount").GetInt32());
        Assert.Equal(1, status.GetProperty("totalSuccessCount").GetInt32());
        var error = Assert.Single(status.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Contains(expected, error.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["good-1"], test.Sandbox.State.Objects(objectType).Keys);
    }

    [Theory]
    [MemberData(nameof(GoodRecords))]
    public async Task Upload_RecordFollowingTheRules_IsStored(string objectType, string line)
    {
        await using var test = await TestSandbox.StartAsync();

        var status = await test.UploadAndCompleteAsync(objectType, line);

        Assert.Equal("DONE", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("totalSuccessCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(BadCustomValues))]
    public async Task Upload_CustomFieldOfWrongType_IsReportedWithTheFieldName(string field, string value)
    {
        await using var test = await TestSandbox.StartAsync();
        using var schema = await test.PutSchemaAsync("DEAL", CustomSchema);

        var status = await test.UploadAndCompleteAsync("DEAL", "{\"objectId\":\"OPP-1\"," + M + ",\"" + field + "\":" + value + "}");

        var error = Assert.Single(status.GetProperty("errors").EnumerateArray());
        Assert.Contains($"[{field}]", error.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CustomFieldsOfEveryType_WithRightValuesAndNulls_AreStored()
    {
        await using var test = await TestSandbox.StartAsync();
        using var schema = await test.PutSchemaAsync("DEAL", CustomSchema);
        var line = "{\"objectId\":\"OPP-1\"," + M + ",\"fBool\":true,\"fDate\":\"2024-05-31\",\"fDateTime\":\"2024-05-31T16:00:00Z\","
            + "\"fPick\":\"No\",\"fNumber\":12.5,\"fPercent\":42,\"fCurrency\":1999.99,\"fEmail\":\"j@c.example\","
            + "\"fUrl\":\"https://crm.example/1\",\"fString\":\"t\",\"fPhone\":\"+1555\",\"fRef\":\"ACC-1\",\"fId\":\"x-1\","
            + "\"fArray\":[\"a.example\"]}\n"
            + "{\"objectId\":\"OPP-2\"," + M + ",\"fBool\":null,\"fPick\":null,\"fPercent\":null}";

        var status = await test.UploadAndCompleteAsync("DEAL", line);

        Assert.Equal("DONE", status.GetProperty("status").GetString());
        Assert.Equal(42, test.Sandbox.State.Objects("DEAL")["OPP-1"].GetProperty("fPercent").GetInt32());
    }

    [Fact]
    public async Task Upload_ObjectIdWithUnderscore_IsAcceptedWhenAllowed()
    {
        var options = TestSandbox.Options();
        await using var test = await TestSandbox.StartAsync(new SandboxOptions
        {
            AccessKey = options.AccessKey,
            AccessKeySecret = options.AccessKeySecret,
            RequestsPerSecond = 1000,
            PollsUntilDone = 0,
            AllowUnderscoreInObjectId = true,
        });

        var status = await test.UploadAndCompleteAsync("ACCOUNT", "{\"objectId\":\"user1_Id\"," + M + "}");

        Assert.Equal("DONE", status.GetProperty("status").GetString());
    }
}
