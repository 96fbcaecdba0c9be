using GongCrmBridge.Sources;

namespace GongCrmBridge.Tests.Sources;

public sealed class JsonLinesRecordSourceTests : IDisposable
{
    private readonly SourceTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static SourceSpec Spec(string path) => new(path, SourceFormat.JsonLines);

    [Fact]
    public async Task ReadChunks_NestedPaths_ReadAndTyped()
    {
        var path = _files.Write("nested.jsonl",
            "{\"id\":\"A1\",\"owner\":{\"email\":\"a@x.example\",\"team\":{\"name\":\"EMEA\"}},\"amount\":12.50,\"won\":true,\"note\":null}\n");
        string[] columns = ["id", "owner.email", "owner.team.name", "amount", "won", "note", "absent.path"];

        var records = await SourceTestFiles.ReadAllAsync(Spec(path), columns);

        Assert.Equal(["A1", "a@x.example", "EMEA", "12.50", "true", "", ""], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_EscapesArraysAndObjects_Documented()
    {
        var path = _files.Write("values.jsonl",
            "{\"name\":\"Caf\\u00e9 \\\"One\\\"\",\"domains\":[\"a.example\",\"b.example\",3],\"meta\":{\"k\":1}}\n");

        var records = await SourceTestFiles.ReadAllAsync(Spec(path), ["name", "domains", "meta"]);

        Assert.Equal(["Café \"One\"", "a.example;b.example;3", "{\"k\":1}"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_ParentAndChildBothRequested_BothRead()
    {
        var path = _files.Write("both.jsonl", "{\"a\":{\"b\":\"x\"}}\n");

        var records = await SourceTestFiles.ReadAllAsync(Spec(path), ["a.b", "a"]);

        Assert.Equal(["x", "{\"b\":\"x\"}"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_InvalidLine_ProblemRowWithLineAndReadingContinues()
    {
        var path = _files.Write("invalid.jsonl", "{\"id\":\"1\"}\r\n{\"id\":\"secret-2\",\n\n[1,2]\n{\"id\":\"3\"} x\n{\"id\":\"4\"}");

        var records = await SourceTestFiles.ReadAllAsync(Spec(path), ["id"]);

        Assert.Equal([1L, 2L, 4L, 5L, 6L], records.Select(r => r.Line));
        Assert.Equal(["1"], records[0].Cells);
        Assert.StartsWith("The line is not valid JSON", records[1].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal("The line is not a JSON object.", records[2].Problem);
        Assert.NotNull(records[3].Problem);
        Assert.Equal(["4"], records[4].Cells);
    }

    [Fact]
    public async Task ReadChunks_LineLongerThanLimit_ProblemRowWithoutBufferingIt()
    {
        var huge = "{\"id\":\"2\",\"blob\":\"" + new string('x', 300_000) + "\"}";
        var path = _files.Write("long.jsonl", "{\"id\":\"1\"}\n" + huge + "\n{\"id\":\"3\"}\n" + huge);

        var records = await SourceTestFiles.ReadAllAsync(Spec(path), ["id"], new SourceReadOptions { MaxRecordChars = 1000 });

        Assert.Equal([1L, 2L, 3L, 4L], records.Select(r => r.Line));
        Assert.Equal(["1"], records[0].Cells);
        Assert.Equal("The line is longer than 1000 characters.", records[1].Problem);
        Assert.Equal(["3"], records[2].Cells);
        Assert.Equal("The line is longer than 1000 characters.", records[3].Problem);
    }

    [Fact]
    public async Task ReadChunks_ShortLineOverLimitInsideBuffer_ProblemRow()
    {
        var path = _files.Write("short.jsonl", "{\"id\":\"" + new string('y', 500) + "\"}\n{\"id\":\"2\"}\n");

        var records = await SourceTestFiles.ReadAllAsync(Spec(path), ["id"], new SourceReadOptions { MaxRecordChars = 300 });

        Assert.NotNull(records[0].Problem);
        Assert.Equal(["2"], records[1].Cells);
    }

    [Fact]
    public async Task ReadChunks_Utf8Bom_Skipped()
    {
        var path = _files.Write("bom.jsonl", "{\"id\":\"é\"}\n", new System.Text.UTF8Encoding(true), bom: true);

        var records = await SourceTestFiles.ReadAllAsync(Spec(path), ["id"]);

        Assert.Equal(["é"], Assert.Single(records).Cells);
    }

    [Fact]
    public async Task ReadChunks_ManyLinesAcrossBuffers_AllReadInOrder()
    {
        var path = _files.Write("many.jsonl", string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{{\"id\":\"{i}\",\"n\":{{\"v\":{i}}}}}\n")));

        var records = await SourceTestFiles.ReadAllAsync(Spec(path), ["n.v"], new SourceReadOptions { ChunkSize = 1000 });

        Assert.Equal(20_000, records.Count);
        Assert.All(records, r => Assert.Equal(r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Cells[0]));
    }
}
