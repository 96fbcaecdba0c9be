using System.Text;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Tests.Sources;

public sealed class CsvRecordSourceTests : IDisposable
{
    private static readonly string[] IdName = ["Id", "Name"];
    private readonly SourceTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadChunks_Utf8WithBom_HeaderMatchesAndValuesDecode()
    {
        var path = _files.Write("bom.csv", "Id,Name\n1,Zoë\n", Encoding.UTF8, bom: true);

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        var record = Assert.Single(records);
        Assert.Equal(["1", "Zoë"], record.Cells);
        Assert.Equal(2, record.Line);
    }

    [Fact]
    public async Task ReadChunks_Utf8WithoutBom_ReadsNonAscii()
    {
        var path = _files.Write("nobom.csv", "Id,Name\n1,Łódź 東京\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        Assert.Equal(["1", "Łódź 東京"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_CrLfLineEnds_NoCarriageReturnInCellsAndLinesCounted()
    {
        var path = _files.Write("crlf.csv", "Id,Name\r\n1,Ann\r\n2,Bob\r\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        Assert.Equal([["1", "Ann"], ["2", "Bob"]], records.Select(r => r.Cells));
        Assert.Equal([2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadChunks_EmbeddedLineBreaks_KeepsThemAndLaterLinesStayRight()
    {
        var path = _files.Write("multiline.csv", "Id,Name\r\n1,\"Ann\r\nSmith\nJr\"\r\n2,Bob\r\n\r\n3,\"Cy, Jr\"\r\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        Assert.Equal([["1", "Ann\r\nSmith\nJr"], ["2", "Bob"], ["3", "Cy, Jr"]], records.Select(r => r.Cells));
        Assert.Equal([2L, 5L, 7L], records.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadChunks_Latin1_DecodesAccents()
    {
        var path = _files.Write("latin1.csv", "Id;Name\n1;Café Müller\n", Encoding.Latin1);

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path, Delimiter: ";", Encoding: "latin1"), IdName);

        Assert.Equal(["1", "Café Müller"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_Windows1252_DecodesEuroSign()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = _files.Write("cp1252.csv", "Id,Name\n1,€ “quoted” é\n", Encoding.GetEncoding(1252));

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path, Encoding: "windows-1252"), IdName);

        Assert.Equal(["1", "€ “quoted” é"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_Utf16WithBom_Decodes()
    {
        var path = _files.Write("utf16.csv", "Id,Name\r\n1,\"é,\"\"x\"\"\"\r\n2,\"Ω\nΣ\"\r\n", Encoding.Unicode, bom: true);

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path, Encoding: "utf-16"), IdName);

        Assert.Equal([["1", "é,\"x\""], ["2", "Ω\nΣ"]], records.Select(r => r.Cells));
        Assert.Equal([2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadChunks_SemicolonDelimiter_CommasStayInValues()
    {
        var path = _files.Write("semi.csv", "Id;Name\n1;Smith, Ann\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path, Delimiter: ";"), IdName);

        Assert.Equal(["1", "Smith, Ann"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_DoubledQuotes_Unescaped()
    {
        var path = _files.Write("quotes.csv", "Id,Name\n1,\"The \"\"Big\"\" One\"\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        Assert.Equal(["1", "The \"Big\" One"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_BadQuote_ProblemRowAndReadingContinues()
    {
        var path = _files.Write("badquote.csv", "Id,Name\n1,Ann\n2,\"Bo\"b\n3,Cy\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "Ann"], records[0].Cells);
        Assert.Equal(3, records[1].Line);
        Assert.Contains("closing quote", records[1].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Bo", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal(["3", "Cy"], records[2].Cells);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public async Task ReadChunks_WrongFieldCount_ProblemRowNamesCounts()
    {
        var path = _files.Write("count.csv", "Id,Name\n1,Ann\n2,Bob,extra\n3\n4,Dee\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        Assert.Equal([2L, 3L, 4L, 5L], records.Select(r => r.Line));
        Assert.Equal("The record has 3 fields where the header has 2.", records[1].Problem);
        Assert.Equal("The record has 1 fields where the header has 2.", records[2].Problem);
        Assert.Null(records[3].Problem);
    }

    [Fact]
    public async Task ReadChunks_TooLargeBufferedRecord_ProblemRow()
    {
        var path = _files.Write("large.csv", "Id,Name\n1," + new string('x', 600) + "\n2,Bob\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName, new SourceReadOptions { MaxRecordChars = 300 });

        Assert.Equal(2, records.Count);
        Assert.StartsWith("The record is larger than 300 characters", records[0].Problem, StringComparison.Ordinal);
        Assert.Equal(["2", "Bob"], records[1].Cells);
    }

    [Fact]
    public async Task ReadChunks_UnclosedQuoteLargerThanLimit_ProblemRowThenResumesOnNextLine()
    {
        var rows = string.Concat(Enumerable.Range(10, 200).Select(i => $"{i},Name{i}\n"));
        var path = _files.Write("unclosed.csv", "Id,Name\n1,Ann\n2,\"never closed\n" + rows);

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName, new SourceReadOptions { MaxRecordChars = 1000 });

        Assert.Equal(["1", "Ann"], records[0].Cells);
        Assert.Equal(3, records[1].Line);
        Assert.NotNull(records[1].Problem);
        Assert.Equal(200, records.Count - 2);
        Assert.All(records.Skip(2), r => Assert.Null(r.Problem));
        Assert.Equal(["10", "Name10"], records[2].Cells);
        Assert.Equal(4, records[2].Line);
        Assert.Equal(203, records[^1].Line);
    }

    [Fact]
    public async Task ReadChunks_UnclosedQuoteAtEnd_ProblemRow()
    {
        var path = _files.Write("unclosed-end.csv", "Id,Name\n1,Ann\n2,\"never closed\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        Assert.Equal(2, records.Count);
        Assert.Equal("Malformed CSV: the quote opened on line 3 is never closed; reading resumed on line 4.", records[1].Problem);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public async Task ReadChunks_MissingColumn_ReadsEmptyAndIsReported()
    {
        var path = _files.Write("missing.csv", "Id,Name\n1,Ann\n");
        string[] columns = ["Name", "Email", "Id"];

        await using var source = RecordSources.Open(new SourceSpec(path), columns);
        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), columns);

        Assert.Equal(["Email"], source.MissingColumns);
        Assert.Equal(["Email"], RecordSources.FindMissingColumns(new SourceSpec(path), columns));
        Assert.Equal(["Ann", "", "1"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_HeaderNameWithOtherCaseAndSpaces_Matches()
    {
        var path = _files.Write("case.csv", " id ,NAME\n1,Ann\n");

        var records = await SourceTestFiles.ReadAllAsync(new SourceSpec(path), IdName);

        Assert.Equal(["1", "Ann"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_NoHeader_ColumnsNamedByPositionAndLinesStartAtOne()
    {
        var path = _files.Write("noheader.csv", "1,Ann,x\n2,Bob,y\n");
        var spec = new SourceSpec(path, HasHeader: false);

        var records = await SourceTestFiles.ReadAllAsync(spec, ["3", "1"]);

        Assert.Equal([["x", "1"], ["y", "2"]], records.Select(r => r.Cells));
        Assert.Equal([1L, 2L], records.Select(r => r.Line));
        Assert.Equal(["4"], RecordSources.FindMissingColumns(spec, ["1", "4"]));
    }

    [Fact]
    public async Task ReadChunks_MoreRecordsThanChunkSize_SplitsIntoChunks()
    {
        var path = _files.Write("many.csv", "Id,Name\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"{i},N{i}\n")));

        await using var source = RecordSources.Open(new SourceSpec(path), IdName, new SourceReadOptions { ChunkSize = 4 });
        var counts = new List<int>();
        await foreach (var chunk in source.ReadChunksAsync())
        {
            counts.Add(chunk.Count);
        }

        Assert.Equal([4, 4, 2], counts);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("\"")]
    [InlineData("é")]
    public void Open_BadDelimiter_Throws(string delimiter)
    {
        var path = _files.Write("d.csv", "Id\n1\n");

        Assert.False(RecordSources.IsValidDelimiter(delimiter));
        Assert.Throws<ArgumentException>(() => RecordSources.Open(new SourceSpec(path, Delimiter: delimiter), IdName));
    }

    [Fact]
    public void IsKnownEncoding_KnownAndUnknownNames()
    {
        Assert.True(RecordSources.IsKnownEncoding("UTF-8"));
        Assert.True(RecordSources.IsKnownEncoding("latin1"));
        Assert.True(RecordSources.IsKnownEncoding("windows-1252"));
        Assert.True(RecordSources.IsKnownEncoding("utf-16"));
        Assert.False(RecordSources.IsKnownEncoding("klingon-8"));
    }
}
