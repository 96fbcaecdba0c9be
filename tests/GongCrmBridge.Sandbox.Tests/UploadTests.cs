using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Sandbox.Tests;

public sealed class UploadTests
{
    private const string TwoAccounts = """
        {"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Fabrikam","domains":["fabrikam.example"]}
        {"objectId":"ACC-2","modifiedDate":"2024-03-01T08:00:00+02:00","name":"Northwind"}
        """;

    [Fact]
    public async Task Upload_ValidFile_Returns201WithClientRequestIdAndIsNotAppliedBeforeDone()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pollsUntilDone: 2));

        using var response = await test.UploadAsync("ACCOUNT", "acct-1", TwoAccounts);
        var body = await TestSandbox.BodyAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("acct-1", body.GetProperty("clientRequestId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("requestId").GetString()));
        Assert.Empty(test.Sandbox.State.Objects("ACCOUNT"));
        var upload = Assert.Single(test.Sandbox.State.Uploads);
        Assert.Equal(("acct-1", "ACCOUNT", 2, SandboxRequestStatus.Pending), (upload.ClientRequestId, upload.ObjectType, upload.RecordCount, upload.Status));
    }

    [Fact]
    public async Task Status_WithTwoPollsUntilDone_GoesPendingInProgressDone()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pollsUntilDone: 2));
        await test.AcceptedUploadAsync("ACCOUNT", "acct-1", TwoAccounts);

        var first = await test.StatusAsync("acct-1");
        var second = await test.StatusAsync("acct-1");
        var third = await test.StatusAsync("acct-1");

        Assert.Equal("PENDING", first.GetProperty("status").GetString());
        Assert.False(first.TryGetProperty("totalSuccessCount", out _));
        Assert.Equal("IN_PROGRESS", second.GetProperty("status").GetString());
        Assert.Equal("DONE", third.GetProperty("status").GetString());
        Assert.Equal(2, third.GetProperty("totalSuccessCount").GetInt32());
        Assert.Equal(0, third.GetProperty("totalErrorCount").GetInt32());
        Assert.Empty(third.GetProperty("errors").EnumerateArray());
        Assert.Equal(["ACC-1", "ACC-2"], test.Sandbox.State.Objects("ACCOUNT").Keys.Order());
    }

    [Fact]
    public async Task Status_WithZeroPolls_FirstPollIsDone()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pollsUntilDone: 0));
        await test.AcceptedUploadAsync("ACCOUNT", "acct-1", TwoAccounts);

        var status = await test.StatusAsync("acct-1");

        Assert.Equal("DONE", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_WithProcessingDelay_CompletesOnlyAfterTheDelayOnTheTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pollsUntilDone: 0, time: time, processingDelay: TimeSpan.FromSeconds(10)));
        await test.AcceptedUploadAsync("ACCOUNT", "acct-1", TwoAccounts);

        var early = await test.StatusAsync("acct-1");
        time.Advance(TimeSpan.FromSeconds(6));
        var middle = await test.StatusAsync("acct-1");
        time.Advance(TimeSpan.FromSeconds(4));
        var done = await test.StatusAsync("acct-1");

        Assert.Equal("PENDING", early.GetProperty("status").GetString());
        Assert.Equal("IN_PROGRESS", middle.GetProperty("status").GetString());
        Assert.Equal("DONE", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_OfLaterUpload_CompletesEarlierUploadsFirstInOrder()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(pollsUntilDone: 1));
        await test.AcceptedUploadAsync("ACCOUNT", "v1", """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Old"}""");
        await test.AcceptedUploadAsync("ACCOUNT", "v2", """{"objectId":"ACC-1","modifiedDate":"2024-03-02T08:00:00Z","name":"New"}""");

        await test.CompleteAsync("v2");
        var v1 = await test.StatusAsync("v1");

        Assert.Equal("DONE", v1.GetProperty("status").GetString());
        Assert.Equal("New", test.Sandbox.State.Objects("ACCOUNT")["ACC-1"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Upload_SameObjectIdInLaterFile_UpsertsTheRecord()
    {
        await using var test = await TestSandbox.StartAsync();
        await test.UploadAndCompleteAsync("ACCOUNT", TwoAccounts);

        await test.UploadAndCompleteAsync("ACCOUNT", """{"objectId":"ACC-1","modifiedDate":"2024-03-05T08:00:00Z","name":"Fabrikam Ltd"}""");

        var objects = test.Sandbox.State.Objects("ACCOUNT");
        Assert.Equal(2, objects.Count);
        Assert.Equal("Fabrikam Ltd", objects["ACC-1"].GetProperty("name").GetString());
        Assert.False(objects["ACC-1"].TryGetProperty("domains", out _));
    }

    [Fact]
    public async Task Upload_IsDeletedTrue_RemovesTheObject()
    {
        await using var test = await TestSandbox.StartAsync();
        await test.UploadAndCompleteAsync("ACCOUNT", TwoAccounts);

        var status = await test.UploadAndCompleteAsync("ACCOUNT", """{"objectId":"ACC-2","modifiedDate":"2024-03-05T08:00:00Z","isDeleted":true}""");

        Assert.Equal("DONE", status.GetProperty("status").GetString());
        Assert.Equal(["ACC-1"], test.Sandbox.State.Objects("ACCOUNT").Keys);
    }

    [Fact]
    public async Task Upload_ReusedClientRequestId_Returns409()
    {
        await using var test = await TestSandbox.StartAsync();
        await test.AcceptedUploadAsync("ACCOUNT", "same-id", TwoAccounts);

        using var again = await test.UploadAsync("ACCOUNT", "same-id", TwoAccounts);

        await TestSandbox.AssertErrorAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(1, test.Sandbox.State.UploadCount);
    }

    [Fact]
    public async Task Upload_ClientRequestIdRejectedWith400_CanBeUsedAgain()
    {
        await using var test = await TestSandbox.StartAsync();
        using var bad = await test.UploadAsync("ACCOUNT", "retry-me", TwoAccounts, partName: "file");

        using var good = await test.UploadAsync("ACCOUNT", "retry-me", TwoAccounts);

        await TestSandbox.AssertErrorAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }

    [Fact]
    public async Task Upload_FileOverTheLimit_Returns400()
    {
        await using var test = await TestSandbox.StartAsync(TestSandbox.Options(maxUploadBytes: 100));
        var line = """{"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"Fabrikam"}""";

        using var under = await test.UploadAsync("ACCOUNT", "small", line);
        using var over = await test.UploadAsync("ACCOUNT", "big", line + "\n" + line.Replace("ACC-1", "ACC-2", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, under.StatusCode);
        var errors = await TestSandbox.AssertErrorAsync(over, HttpStatusCode.BadRequest);
        Assert.Contains(errors, e => e.Contains("maximum size", StringComparison.Ordinal));
        Assert.Equal(1, test.Sandbox.State.UploadCount);
    }

    [Theory]
    [InlineData("integrationId={id}&objectType=ACCOUNT", "clientRequestId is missing")]
    [InlineData("integrationId={id}&objectType=ACCOUNT&clientRequestId=has.dot", "clientRequestId may contain only")]
    [InlineData("integrationId={id}&objectType=Account&clientRequestId=r1", "objectType must be one of")]
    [InlineData("integrationId={id}&clientRequestId=r1", "objectType must be one of")]
    [InlineData("objectType=ACCOUNT&clientRequestId=r1", "integrationId is missing")]
    [InlineData("integrationId=abc&objectType=ACCOUNT&clientRequestId=r1", "integrationId is not valid")]
    public async Task Upload_WithBadQuery_Returns400(string query, string expected)
    {
        await using var test = await TestSandbox.StartAsync();
        using var part = new StringContent(TwoAccounts);
        using var form = new MultipartFormDataContent { { part, "dataFile", "a.ldjson" } };

        using var response = await test.Http.PostAsync(
            "/v2/crm/entities?" + query.Replace("{id}", test.IntegrationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), form);

        var errors = await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_WithoutDataFilePart_Returns400()
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.UploadAsync("ACCOUNT", "r1", TwoAccounts, partName: "file");

        var errors = await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(errors, e => e.Contains("dataFile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_NotMultipart_Returns400()
    {
        await using var test = await TestSandbox.StartAsync();

        using var content = new StringContent(TwoAccounts, Encoding.UTF8, "application/x-ndjson");
        using var response = await test.Http.PostAsync(
            $"/v2/crm/entities?integrationId={test.IntegrationId}&objectType=ACCOUNT&clientRequestId=r1", content);

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Upload_FiftyBadLines_ReportsTwentyErrorsWithOneBasedLinesAndTotals()
    {
        await using var test = await TestSandbox.StartAsync();
        var lines = new List<string> { """{"objectId":"ACC-OK","modifiedDate":"2024-03-01T08:00:00Z"}""" };
        for (var i = 1; i <= 50; i++)
        {
            lines.Add($$"""{"objectId":"ACC-{{i}}"}""");
        }

        lines.Add("""{"objectId":"ACC-OK2","modifiedDate":"2024-03-01T08:00:00Z"}""");

        var status = await test.UploadAndCompleteAsync("ACCOUNT", string.Join("\n", lines) + "\n");

        Assert.Equal("FAILED", status.GetProperty("status").GetString());
        Assert.Equal(50, status.GetProperty("totalErrorCount").GetInt32());
        Assert.Equal(2, status.GetProperty("totalSuccessCount").GetInt32());
        var errors = status.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(20, errors.Count);
        Assert.Equal(Enumerable.Range(2, 20), errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.All(errors, e => Assert.Equal("Mandatory field [modifiedDate] is missing or empty", e.GetProperty("description").GetString()));
        Assert.Equal(["ACC-OK", "ACC-OK2"], test.Sandbox.State.Objects("ACCOUNT").Keys.Order());
        Assert.Equal(50, Assert.Single(test.Sandbox.State.Uploads).Errors.Count);
    }

    [Fact]
    public async Task Upload_SameObjectIdTwiceInAFile_RejectsTheRepeat()
    {
        await using var test = await TestSandbox.StartAsync();
        var file = """
            {"objectId":"ACC-1","modifiedDate":"2024-03-01T08:00:00Z","name":"First"}
            {"objectId":"ACC-2","modifiedDate":"2024-03-01T08:00:00Z"}
            {"objectId":"ACC-1","modifiedDate":"2024-03-02T08:00:00Z","name":"Second"}
            """;

        var status = await test.UploadAndCompleteAsync("ACCOUNT", file);

        var error = Assert.Single(status.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains("more than once", error.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("First", test.Sandbox.State.Objects("ACCOUNT")["ACC-1"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Upload_BlankLines_AreSkippedButCountInLineNumbers()
    {
        await using var test = await TestSandbox.StartAsync();

        var status = await test.UploadAndCompleteAsync("ACCOUNT", "{\"objectId\":\"ACC-1\",\"modifiedDate\":\"2024-03-01T08:00:00Z\"}\n\n{\"objectId\":\"ACC-2\"}\n");

        Assert.Equal(3, Assert.Single(status.GetProperty("errors").EnumerateArray()).GetProperty("line").GetInt32());
        Assert.Equal(2, Assert.Single(test.Sandbox.State.Uploads).RecordCount);
    }

    [Fact]
    public async Task Upload_InvalidUtf8_FailsWithLineZero()
    {
        await using var test = await TestSandbox.StartAsync();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"objectId\":\"ACC-1\",\"modifiedDate\":\"2024-03-01T08:00:00Z\",\"name\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}\n")];
        using var response = await test.UploadBytesAsync("ACCOUNT", "bad-utf8", bytes);

        var status = await test.CompleteAsync("bad-utf8");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("FAILED", status.GetProperty("status").GetString());
        Assert.Equal(0, Assert.Single(status.GetProperty("errors").EnumerateArray()).GetProperty("line").GetInt32());
        Assert.Empty(test.Sandbox.State.Objects("ACCOUNT"));
    }

    [Fact]
    public async Task Status_UnknownClientRequestId_Returns400()
    {
        await using var test = await TestSandbox.StartAsync();

        using var response = await test.Http.GetAsync($"/v2/crm/request-status?integrationId={test.IntegrationId}&clientRequestId=nope");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Status_WithOtherIntegrationId_Returns400()
    {
        await using var test = await TestSandbox.StartAsync();
        await test.AcceptedUploadAsync("ACCOUNT", "acct-1", TwoAccounts);

        using var response = await test.Http.GetAsync($"/v2/crm/request-status?integrationId={test.IntegrationId + 1}&clientRequestId=acct-1");

        await TestSandbox.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Upload_BusinessUsersAndStages_AreStored()
    {
        await using var test = await TestSandbox.StartAsync();

        await test.UploadAndCompleteAsync("BUSINESS_USER", """{"objectId":"USR-1","modifiedDate":"2024-03-01T08:00:00Z","emailAddress":"ana@contoso.example"}""");
        await test.UploadAndCompleteAsync("STAGE", """{"objectId":"qualify","name":"Qualification","isActive":true,"sortOrder":1}""");

        Assert.Equal(["USR-1"], test.Sandbox.State.Objects("BUSINESS_USER").Keys);
        Assert.Equal(["qualify"], test.Sandbox.State.Objects("STAGE").Keys);
    }
}
