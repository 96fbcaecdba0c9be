using System.Text.Json;
using System.Text.RegularExpressions;
using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Testing;

namespace GongCrmBridge.Cli.Tests.BadInput;

/// <summary>
/// The bad-input suite (issue 10): every folder under <c>BadInput/cases</c> is run through the real command tree and
/// must end with the exit code SPEC gives, no stack trace, a message naming the file (and line, column where they
/// exist), and, when the run reads records, books that balance against the records the input physically holds.
/// </summary>
public sealed partial class BadInputSuiteTests
{
    public static TheoryData<string> Cases() => [.. BadInputCase.All().Select(c => c.Name)];

    [Fact]
    public void TheSuiteHoldsAtLeastEightyCases() => Assert.True(Cases().Count >= 80, $"{Cases().Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case(string name)
    {
        var badCase = BadInputCase.Load(name);
        using var work = new TempDirectory();
        CopyFolder(badCase.Folder, work.Path);
        foreach (var spec in badCase.Generate)
        {
            CaseFiles.Write(work.Path, spec);
        }

        var report = work.File("report");
        var args = badCase.Args.Select(a => a.Replace("{report}", report, StringComparison.Ordinal).Replace("{case}", work.Path, StringComparison.Ordinal)).ToArray();
        var environment = badCase.Environment.ToDictionary(p => p.Key, p => p.Value.Replace("{case}", work.Path, StringComparison.Ordinal), StringComparer.Ordinal);

        CliResult result;
        using (var held = badCase.Lock is { } locked ? new FileStream(work.File(locked), FileMode.Open, FileAccess.ReadWrite, FileShare.None) : null)
        {
            result = await CliRunner.RunAsync(environment, args);
        }

        var rejections = File.Exists(Path.Combine(report, "rejections.csv")) ? await File.ReadAllTextAsync(Path.Combine(report, "rejections.csv")) : string.Empty;
        var said = result.All + "\n" + rejections;
        var context = $"{name}\n--- output ---\n{result.All}\n--- rejections.csv ---\n{rejections}";

        Assert.DoesNotMatch(StackTrace(), result.All);
        Assert.True(badCase.Exit == result.ExitCode, $"exit {result.ExitCode}, expected {badCase.Exit}\n{context}");
        foreach (var fragment in badCase.Messages)
        {
            Assert.True(said.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' not said\n{context}");
        }

        foreach (var fragment in badCase.Absent)
        {
            Assert.False(said.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' said\n{context}");
        }

        AssertRejections(badCase, rejections, context);
        AssertBooks(badCase, report, context);
    }

    /// <summary>A .NET stack trace line, or an exception type name printed as such.</summary>
    [GeneratedRegex(@"(^\s+at \S+\(.*\)|\b\w+Exception\b)", RegexOptions.Multiline)]
    private static partial Regex StackTrace();

    private static void AssertRejections(BadInputCase badCase, string rejections, string context)
    {
        var rows = rejections.Length == 0 ? [] : TestCsv.Rows(rejections).Skip(1).ToList();
        if (badCase.RejectedCount is { } count)
        {
            Assert.True(count == rows.Count, $"{rows.Count} rejections, expected {count}\n{context}");
        }

        foreach (var expected in badCase.Rejections)
        {
            Assert.True(
                rows.Any(row => Matches(row, expected)),
                $"no rejection like {string.Join(", ", expected.Select(p => $"{p.Key}={p.Value}"))}\n{context}");
        }

        static bool Matches(IReadOnlyList<string> row, IReadOnlyDictionary<string, string> expected) =>
            row.Count >= 6
            && (!expected.TryGetValue("source", out var source) || row[1].EndsWith(source, StringComparison.Ordinal))
            && (!expected.TryGetValue("line", out var line) || row[2] == line)
            && (!expected.TryGetValue("objectId", out var id) || row[3] == id)
            && (!expected.TryGetValue("stage", out var stage) || row[4] == stage)
            && (!expected.TryGetValue("reason", out var reason) || row[5].Contains(reason, StringComparison.Ordinal));
    }

    /// <summary>read = valid/accepted + rejected + unchanged + skipped + merged (+ notSent, pending), and read equals the
    /// physical records of the input.</summary>
    private static void AssertBooks(BadInputCase badCase, string report, string context)
    {
        if (badCase.Records.Count == 0)
        {
            return;
        }

        var summaryPath = Path.Combine(report, "summary.json");
        Assert.True(File.Exists(summaryPath), $"no summary.json\n{context}");
        using var summary = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
        var types = summary.RootElement.GetProperty("objectTypes");
        foreach (var (type, records) in badCase.Records)
        {
            var counts = types.GetProperty(type);
            var read = counts.GetProperty("read").GetInt64();
            long buckets = 0;
            foreach (var bucket in new[] { "valid", "accepted", "rejected", "unchanged", "skipped", "merged", "notSent", "pending" })
            {
                if (counts.TryGetProperty(bucket, out var value) && value.ValueKind == JsonValueKind.Number)
                {
                    buckets += value.GetInt64();
                }
            }

            Assert.True(records == read, $"{type}: read {read}, the input holds {records} records\n{counts}\n{context}");
            Assert.True(read == buckets, $"{type}: read {read} but the buckets add up to {buckets}\n{counts}\n{context}");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
