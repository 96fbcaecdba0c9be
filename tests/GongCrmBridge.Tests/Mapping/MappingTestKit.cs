using System.Text;
using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Tests.Mapping;

/// <summary>A temporary folder for real YAML and export files, deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Root = Path.Combine(Path.GetTempPath(), "gcb-map-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Compiles mapping YAML from a real file and maps hand-built chunks.</summary>
internal static class MappingTestKit
{
    public static CompiledMapping Compile(string yaml, CrmObjectType? expectedType = null)
    {
        using var dir = new TempDir();
        return MappingLoader.Load(dir.Write("mapping.yaml", yaml), expectedType);
    }

    public static ConfigurationException Problems(string yaml, CrmObjectType? expectedType = null)
    {
        using var dir = new TempDir();
        var path = dir.Write("mapping.yaml", yaml);
        return Assert.Throws<ConfigurationException>(() => MappingLoader.Load(path, expectedType));
    }

    /// <summary>Builds a chunk in the mapping's column order; absent columns are empty cells. Lines start at 2.</summary>
    public static SourceChunk Chunk(CompiledMapping mapping, params Dictionary<string, string>[] rows)
    {
        var chunk = new SourceChunk("export.csv", mapping.Columns.Count, capacity: 2);
        var line = 2L;
        foreach (var row in rows)
        {
            chunk.BeginRecord(line++);
            for (var c = 0; c < mapping.Columns.Count; c++)
            {
                chunk.AddCell(c, row.GetValueOrDefault(mapping.Columns[c], string.Empty));
            }
        }

        return chunk;
    }

    public static MappedChunk MapRows(CompiledMapping mapping, Dictionary<string, string>[] rows) =>
        mapping.Map(Chunk(mapping, rows));

    public static MappedChunk Map(CompiledMapping mapping, Dictionary<string, string> row) =>
        mapping.Map(Chunk(mapping, row));

    public static string Json(MappedChunk chunk, int record = 0) =>
        Encoding.UTF8.GetString(chunk.JsonOf(chunk.Records[record]));

    /// <summary>The ids <paramref name="record"/> points at, as text.</summary>
    public static (string? AccountId, string? OwnerId, string? Stage) References(MappedChunk chunk, MappedRecord record) =>
        (chunk.IdOf(record.References.AccountId), chunk.IdOf(record.References.OwnerId), chunk.IdOf(record.References.Stage));

    /// <summary>Maps one row and returns its JSON; fails the test when it is rejected.</summary>
    public static string MapOne(CompiledMapping mapping, Dictionary<string, string> row)
    {
        var result = Map(mapping, row);
        Assert.True(result.Rejections.Count == 0, result.Rejections.Count == 0 ? string.Empty : result.Rejections[0].Reason);
        return Json(result);
    }

    /// <summary>Maps one row that must be rejected and returns the rejection.</summary>
    public static GongCrmBridge.Outcomes.Rejection RejectOne(CompiledMapping mapping, Dictionary<string, string> row)
    {
        var result = Map(mapping, row);
        Assert.Empty(result.Records);
        return Assert.Single(result.Rejections);
    }

    public const string AccountHeader = """
        objectType: ACCOUNT
        objectId: Id
        modifiedDate: Modified
        """;
}
