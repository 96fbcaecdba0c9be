using GongCrmBridge.Gong.Models;
using GongCrmBridge.Upload;

namespace GongCrmBridge.Tests.Upload;

public sealed class GongErrorReportTests
{
    private static RequestStatus Status(RequestState state, int? errors, int? successes, params RequestError[] list) =>
        new(state, list, errors, successes, "req-1");

    [Fact]
    public void From_LineErrors_AreKeyedByLineAndDeduplicated()
    {
        var report = GongErrorReport.From(
            Status(RequestState.Failed, 2, 8, new RequestError(3, "Invalid value for field [closeDate]"), new RequestError(3, "again"), new RequestError(7, " x ")), lineCount: 10);

        Assert.Equal(new Dictionary<int, string> { [3] = "Invalid value for field [closeDate]", [7] = "x" }, report.Lines);
        Assert.Null(report.WholeFile);
    }

    [Fact]
    public void From_LineZero_ConcernsTheWholeFile()
    {
        var report = GongErrorReport.From(Status(RequestState.Failed, 1, 0, new RequestError(0, "File is not valid LDJSON")), lineCount: 10);

        Assert.Equal("File is not valid LDJSON", report.WholeFile);
    }

    [Fact]
    public void From_LineOutsideTheFile_IsNotMapped()
    {
        var report = GongErrorReport.From(Status(RequestState.Failed, 1, 9, new RequestError(11, "boom")), lineCount: 10);

        Assert.Empty(report.Lines);
        Assert.Null(report.WholeFile);
    }

    [Fact]
    public void From_FailedNamingOnlyALineOutsideTheFile_IsNotTakenForAFailureWithoutDetail()
    {
        var report = GongErrorReport.From(Status(RequestState.Failed, 0, 0, new RequestError(11, "boom")), lineCount: 10);

        Assert.Empty(report.Lines);
        Assert.Null(report.WholeFile);
    }

    [Fact]
    public void From_FailedWithoutAnyDetail_RejectsTheWholeFileNamingGongsRequestId()
    {
        var report = GongErrorReport.From(Status(RequestState.Failed, null, null), lineCount: 10);

        Assert.Contains("req-1", report.WholeFile, StringComparison.Ordinal);
    }

    [Fact]
    public void From_Done_HasNoErrors()
    {
        var report = GongErrorReport.From(Status(RequestState.Done, 0, 10), lineCount: 10);

        Assert.Empty(report.Lines);
        Assert.Null(report.WholeFile);
    }
}
