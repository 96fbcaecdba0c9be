using System.Globalization;
using System.Text;

namespace GongCrmBridge.Cli.Tests.Infrastructure;

/// <summary>A job of ACCOUNTs (and optionally CONTACTs pointing at them) whose exports a test rewrites between runs,
/// with its own state folder and one report folder per run.</summary>
internal sealed class NightlyJob : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly bool _contacts;
    private int _runs;

    public NightlyJob(int accounts, bool contacts = false, string mode = "upsert")
    {
        _contacts = contacts;
        Accounts = [.. Enumerable.Range(1, accounts).Select(n => (Id: $"ACC-{n}", Name: $"Account {n}"))];
        File.WriteAllText(_directory.File("account.yaml"), """
            objectType: ACCOUNT
            objectId: Id
            modifiedDate: Modified
            fields:
              name: Name
            """);
        File.WriteAllText(_directory.File("contact.yaml"), """
            objectType: CONTACT
            objectId: Id
            modifiedDate: Modified
            fields:
              accountId: AccountId
              lastName: Name
            """);
        WriteJob(mode);
        WriteExports();
    }

    public List<(string Id, string Name)> Accounts { get; }

    public string JobPath => _directory.File("job.yaml");

    public string StateDirectory => _directory.File("state");

    public string LastReport { get; private set; } = string.Empty;

    public void WriteJob(string mode, string extraOptions = "") => File.WriteAllText(JobPath, $"""
        integration: {"{"} name: Nightly CRM, ownerEmail: revops@test.example {"}"}
        objects:
          - type: ACCOUNT
            source: {"{"} path: accounts.csv {"}"}
            mapping: account.yaml
        {(_contacts ? "  - type: CONTACT\n    source: { path: contacts.csv }\n    mapping: contact.yaml\n" : string.Empty)}options:
          mode: {mode}
        {extraOptions}
        """);

    public void WriteExports()
    {
        var accounts = new StringBuilder("Id,Name,Modified\n");
        foreach (var (id, name) in Accounts)
        {
            accounts.Append(CultureInfo.InvariantCulture, $"{id},{name},2024-03-01T08:00:00Z\n");
        }

        File.WriteAllText(_directory.File("accounts.csv"), accounts.ToString());
        var contacts = new StringBuilder("Id,AccountId,Name,Modified\n");
        foreach (var (id, _) in Accounts)
        {
            contacts.Append(CultureInfo.InvariantCulture, $"CON-{id[4..]},{id},Contact of {id},2024-03-01T08:00:00Z\n");
        }

        File.WriteAllText(_directory.File("contacts.csv"), contacts.ToString());
    }

    /// <summary>The arguments of the next run: its own report folder, this job's state.</summary>
    public string[] NextRun()
    {
        LastReport = _directory.File($"report-{++_runs}");
        return ["sync", "--job", JobPath, "--report", LastReport, "--state", StateDirectory];
    }

    public void Dispose() => _directory.Dispose();
}
