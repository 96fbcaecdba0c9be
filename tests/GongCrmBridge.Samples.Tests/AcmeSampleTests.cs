using System.Text;
using System.Text.Json;
using GongCrmBridge.Testing;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Samples.Tests;

public sealed class AcmeSampleTests : IDisposable
{
    private static readonly string[] ExportFiles =
        ["users.csv", "stages.csv", "accounts.csv", "contacts.csv", "opportunities.csv", "leads.jsonl"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gcb-acme-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Write_FixedSeed_ReproducesTheCommittedExportsByteForByte()
    {
        var committed = Path.Combine(Repository.Root, "samples", "acme", "exports");

        AcmeSample.Write(_folder);

        Assert.Equal(ExportFiles.Order(StringComparer.Ordinal), Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in ExportFiles)
        {
            var expected = File.ReadAllBytes(Path.Combine(committed, file));
            var actual = File.ReadAllBytes(Path.Combine(_folder, file));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{file} differs from the committed sample: regenerate samples/acme/exports with AcmeSample.Write and update samples/acme/README.md.");
        }
    }

    [Fact]
    public void Write_CsvExports_AreLatin1SemicolonSeparatedWithAccents()
    {
        AcmeSample.Write(_folder);

        var accounts = File.ReadAllBytes(Path.Combine(_folder, "accounts.csv"));
        Assert.False(IsValidUtf8(accounts), "Latin-1 accents are not valid UTF-8");
        var rows = TestCsv.ReadFile(Path.Combine(_folder, "accounts.csv"), ';', Encoding.Latin1);
        Assert.Equal(13, rows[0].Length);
        Assert.All(rows, row => Assert.Equal(13, row.Length));
        Assert.Contains(rows, row => row.Any(cell => cell.Any(c => c is >= '\u00C0' and <= '\u00FF')));
    }

    [Fact]
    public void Write_DocumentedProblems_AreOnTheDocumentedLines()
    {
        AcmeSample.Write(_folder);

        Assert.Contains("(at)acme.example", Line("users.csv", 13), StringComparison.Ordinal);
        Assert.StartsWith("ACC-1007;", Line("accounts.csv", 9), StringComparison.Ordinal);
        Assert.StartsWith("ACC-1007;", Line("accounts.csv", 43), StringComparison.Ordinal);
        Assert.Contains("31.02.2024 14:00", Line("accounts.csv", 64), StringComparison.Ordinal);
        Assert.Contains(";Diamond;", Line("accounts.csv", 65), StringComparison.Ordinal);
        Assert.StartsWith(";", Line("accounts.csv", 66), StringComparison.Ordinal);
        Assert.StartsWith("CON-2077;ACC-9999;", Line("contacts.csv", 78), StringComparison.Ordinal);
        Assert.Contains(";TBD;", Line("opportunities.csv", 34), StringComparison.Ordinal);
        Assert.StartsWith("OPP-3050;ACC-1006;USR-099;", Line("opportunities.csv", 51), StringComparison.Ordinal);

        var leads = File.ReadAllLines(Path.Combine(_folder, "leads.jsonl"), Encoding.UTF8);
        Assert.Equal(40, leads.Length);
        for (var i = 0; i < leads.Length; i++)
        {
            if (i + 1 == 25)
            {
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(leads[i]));
            }
            else
            {
                using var lead = JsonDocument.Parse(leads[i]);
                Assert.Equal($"LEAD-{4001 + i}", lead.RootElement.GetProperty("id").GetString());
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private string Line(string file, int line) =>
        File.ReadAllLines(Path.Combine(_folder, file), Encoding.Latin1)[line - 1];
}
