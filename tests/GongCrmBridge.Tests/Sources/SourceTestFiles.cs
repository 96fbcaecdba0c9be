using System.Text;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Tests.Sources;

/// <summary>One record as read: its line, and either its cells or its problem.</summary>
internal sealed record ReadRecord(long Line, string? Problem, string[] Cells);

/// <summary>A temporary folder for export files; deleted on dispose.</summary>
internal sealed class SourceTestFiles : IDisposable
{
    public SourceTestFiles()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gcb-sources-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Write(string name, string text, Encoding? encoding = null, bool bom = false)
    {
        var path = System.IO.Path.Combine(Directory, name);
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetBytes(text);
        var preamble = bom ? encoding.GetPreamble() : [];
        File.WriteAllBytes(path, [.. preamble, .. bytes]);
        return path;
    }

    public static async Task<List<ReadRecord>> ReadAllAsync(
        SourceSpec spec, IReadOnlyList<string> columns, SourceReadOptions? options = null)
    {
        var records = new List<ReadRecord>();
        await using var source = RecordSources.Open(spec, columns, options);
        await foreach (var chunk in source.ReadChunksAsync())
        {
            Assert.Equal(spec.Path, chunk.SourcePath);
            for (var row = 0; row < chunk.Count; row++)
            {
                var cells = new string[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    cells[c] = chunk.Cell(row, c).ToString();
                }

                records.Add(new ReadRecord(chunk.Line(row), chunk.Problem(row), chunk.Problem(row) is null ? cells : []));
            }
        }

        return records;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
