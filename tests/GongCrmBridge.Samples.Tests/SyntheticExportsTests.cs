using System.Security.Cryptography;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Testing;

namespace GongCrmBridge.Samples.Tests;

public sealed class SyntheticExportsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gcb-synthetic-" + Guid.NewGuid().ToString("N"));

    // The PICKLIST values of mappings/benchmark/account.yaml, which maps this export.
    private static readonly string[] BenchmarkTiers = ["Bronze", "Silver", "Gold", "Platinum"];

    public static TheoryData<CrmObjectType> AllTypes => [.. CrmObjectTypes.InDependencyOrder];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void WriteCsv_SameSeedTwice_WritesIdenticalBytes(CrmObjectType type)
    {
        var first = Path.Combine(_folder, "a.csv");
        var second = Path.Combine(_folder, "b.csv");

        SyntheticExports.WriteCsv(type, 2_000, first, seed: 7);
        SyntheticExports.WriteCsv(type, 2_000, second, seed: 7);

        Assert.Equal(Hash(first), Hash(second));
    }

    [Fact]
    public void WriteCsv_OtherSeed_WritesOtherRows()
    {
        var first = Path.Combine(_folder, "a.csv");
        var second = Path.Combine(_folder, "b.csv");

        SyntheticExports.WriteCsv(CrmObjectType.Account, 100, first, seed: 1);
        SyntheticExports.WriteCsv(CrmObjectType.Account, 100, second, seed: 2);

        Assert.NotEqual(Hash(first), Hash(second));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void WriteCsv_RowCount_WritesHeaderAndThatManyRecords(CrmObjectType type)
    {
        var path = Path.Combine(_folder, "nested", "export.csv");

        SyntheticExports.WriteCsv(type, 1_234, path);

        var rows = TestCsv.ReadFile(path);
        Assert.Equal(SyntheticExports.Header(type), rows[0]);
        Assert.Equal(1_235, rows.Count);
        Assert.All(rows, row => Assert.Equal(rows[0].Length, row.Length));
        Assert.Equal(1_234, rows.Skip(1).Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void WriteCsv_ZeroRows_WritesHeaderOnly()
    {
        var path = Path.Combine(_folder, "empty.csv");

        SyntheticExports.WriteCsv(CrmObjectType.Lead, 0, path);

        Assert.Equal(string.Join(',', SyntheticExports.Header(CrmObjectType.Lead)) + "\r\n", File.ReadAllText(path));
    }

    [Fact]
    public void Header_Account_HasTwelveColumnsWithTheBenchmarkMappingsColumns()
    {
        var header = SyntheticExports.Header(CrmObjectType.Account);

        Assert.Equal(12, header.Length);
        Assert.Subset(
            new HashSet<string>(header, StringComparer.Ordinal),
            new HashSet<string>(
                ["Id", "Name", "Website", "Industry", "Employees", "AnnualRevenue", "CreatedDate", "LastModified", "OwnerId", "Tier", "HealthScore", "Region"],
                StringComparer.Ordinal));
    }

    [Fact]
    public void WriteCsv_Account_WritesParsableDatesNumbersAndTiers()
    {
        var path = Path.Combine(_folder, "accounts.csv");

        SyntheticExports.WriteCsv(CrmObjectType.Account, 500, path);

        var rows = TestCsv.ReadFile(path);
        var column = rows[0].Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(501, rows.Count);
        Assert.Equal(BenchmarkTiers.Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[column["Tier"]]).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal));
        foreach (var row in rows.Skip(1))
        {
            var created = DateTime.ParseExact(row[column["CreatedDate"]], SyntheticExports.DateTimeFormat, invariant);
            var modified = DateTime.ParseExact(row[column["LastModified"]], SyntheticExports.DateTimeFormat, invariant);
            Assert.True(modified > created);
            Assert.InRange(modified.Hour, 6, 21);
            Assert.InRange(decimal.Parse(row[column["HealthScore"]], invariant), 0m, 100m);
            Assert.True(decimal.Parse(row[column["AnnualRevenue"]], invariant) > 0);
            Assert.Matches("^ACC-[0-9]{7}$", row[column["Id"]]);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
