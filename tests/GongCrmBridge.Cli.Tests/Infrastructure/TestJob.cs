using System.Globalization;
using System.Text;

namespace GongCrmBridge.Cli.Tests.Infrastructure;

/// <summary>A small ACCOUNT job written to a temp folder, with objectIds and source lines known to the test
/// (account <c>ACC-n</c> is on line <c>n + 1</c>; the header is line 1).</summary>
internal sealed class TestJob : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TestJob(int accounts, bool withScore = true)
    {
        var csv = new StringBuilder("Id,Name,Modified,Tier,Score\n");
        for (var n = 1; n <= accounts; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"ACC-{n},Account {n},2024-03-01T08:00:00Z,{Tiers[n % 3]},{n % 100}\n");
        }

        File.WriteAllText(CsvPath, csv.ToString());
        WriteMapping(withScore);
        File.WriteAllText(JobPath, """
            integration: { name: Test CRM, ownerEmail: revops@test.example }
            objects:
              - type: ACCOUNT
                source: { path: accounts.csv }
                mapping: account.yaml
            options:
              requestsPerSecond: 3
            """);
    }

    private static readonly string[] Tiers = ["Gold", "Silver", "Bronze"];

    public string JobPath => _directory.File("job.yaml");

    public string CsvPath => _directory.File("accounts.csv");

    public string ReportDirectory => _directory.File("report");

    public void WriteMapping(bool withScore) =>
        File.WriteAllText(_directory.File("account.yaml"), """
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: Modified
            fields:
              name: Name
            customFields:
              tier: { column: Tier, type: PICKLIST, label: Tier, values: [Gold, Silver, Bronze] }
            """ + (withScore ? "\n  score: { column: Score, type: NUMBER, label: Score }\n" : "\n"));

    public void Dispose() => _directory.Dispose();
}
