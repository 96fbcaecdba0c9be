using System.Globalization;
using System.Text;
using Bogus;
using CsvHelper;

namespace GongCrmBridge.Samples;

/// <summary>
/// Regenerates <c>samples/acme/exports/</c>: a small, realistic export of the fictional "Acme CRM" (all six object
/// types, a few hundred records) with a handful of deliberately bad records, as documented in
/// <c>samples/acme/README.md</c>. The seed is fixed, so the committed files are reproducible byte for byte.
/// </summary>
/// <remarks>
/// The CSV files are what a European CRM writes: <c>;</c>-separated, Latin-1 (ISO-8859-1), CRLF, decimal commas,
/// <c>dd.MM.yyyy HH:mm</c> local times (Europe/Berlin) and US <c>MM/dd/yyyy</c> close dates. Leads come as JSON
/// Lines (UTF-8, LF) with nested objects.
/// </remarks>
internal static class AcmeSample
{
    /// <summary>The fixed seed of the committed sample.</summary>
    public const int Seed = 20240301;

    /// <summary>The layout of the <c>LastModified</c>/<c>CreatedDate</c> cells (Europe/Berlin local time).</summary>
    public const string LocalDateTimeFormat = "dd.MM.yyyy HH:mm";

    /// <summary>The layout of the opportunities' <c>CloseDate</c> cells.</summary>
    public const string CloseDateFormat = "MM/dd/yyyy";

    private const int UserCount = 12;
    private const int AccountCount = 60;
    private const int ContactCount = 120;
    private const int DealCount = 80;

    private static readonly Encoding Latin1 = Encoding.Latin1;
    internal static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    internal static readonly DateTime Start = new(2024, 1, 8, 0, 0, 0, DateTimeKind.Unspecified);
    internal static readonly string[] TopLevelDomains = ["de", "fr", "es", "com.br"];
    private static readonly string[] Tiers = ["Bronze", "Silver", "Gold", "Platinum"];
    private static readonly string[] Regions = ["dach", "France", "Iberia", "Brazil", "Nordics"];
    private static readonly string[] Forecasts = ["Pipeline", "Best Case", "Commit", "Closed", "Omitted"];

    private static readonly (string Key, string Name, int SortOrder, bool Active)[] Stages =
    [
        ("prospecting", "Prospecting", 1, true),
        ("qualification", "Qualification", 2, true),
        ("demo-retired", "Demo (retired)", 2, false),
        ("needs-analysis", "Needs Analysis", 3, true),
        ("proposal-price-quote", "Proposal/Price Quote", 4, true),
        ("negociation", "Négociation", 5, true),
        ("closed-won", "Closed Won", 6, true),
        ("closed-lost", "Closed Lost", 6, true),
    ];

    /// <summary>Writes <c>users.csv</c>, <c>stages.csv</c>, <c>accounts.csv</c>, <c>contacts.csv</c>,
    /// <c>opportunities.csv</c> and <c>leads.jsonl</c> into <paramref name="directory"/> (created if missing,
    /// files overwritten).</summary>
    /// <param name="directory">The target folder, normally <c>samples/acme/exports</c>.</param>
    public static void Write(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var pools = ValuePools.Create(Seed, 256, ["de", "fr", "es", "pt_BR"], latin1Only: true, phoneFormat: null);
        var faker = new Faker("de") { Random = new Randomizer(Seed) };
        var random = new SampleRandom(Seed);

        var users = WriteUsers(Path.Combine(directory, "users.csv"), pools, random);
        WriteStages(Path.Combine(directory, "stages.csv"));
        var accounts = WriteAccounts(Path.Combine(directory, "accounts.csv"), pools, faker, random, users);
        var contacts = WriteContacts(Path.Combine(directory, "contacts.csv"), pools, random, accounts);
        var deals = WriteDeals(Path.Combine(directory, "opportunities.csv"), pools, random, accounts, contacts, users);
        AcmeLeads.Write(Path.Combine(directory, "leads.jsonl"), pools, random, contacts, deals);
    }

    private static string[] WriteUsers(string path, ValuePools pools, SampleRandom random)
    {
        using var csv = OpenCsv(path);
        csv.WriteHeader(["UserId", "FirstName", "LastName", "Email", "Title", "Status", "LastModified"]);
        var owners = new List<string>();
        for (var i = 1; i <= UserCount; i++)
        {
            var id = "USR-" + i.ToString("D3", Invariant);
            var person = random.Next(pools.FirstNames.Length);
            var email = $"{pools.AsciiFirstNames[person]}.{pools.AsciiLastNames[person]}@acme.example";
            var status = "Active";
            if (i == 11)
            {
                status = "Inactive"; // left the company: uploaded with isDeleted = true (not an error)
            }
            else if (i == 12)
            {
                email = $"{pools.AsciiFirstNames[person]}.{pools.AsciiLastNames[person]}(at)acme.example"; // BAD: invalid email
            }
            else
            {
                owners.Add(id);
            }

            csv.WriteRecord(
            [
                id, pools.FirstNames[person], pools.LastNames[person], email, pools.JobTitles[person], status,
                Local(Start.AddDays(-random.Next(30, 400)), random),
            ]);
        }

        return [.. owners];
    }

    private static void WriteStages(string path)
    {
        using var csv = OpenCsv(path);
        csv.WriteHeader(["StageKey", "StageName", "SortOrder", "Active", "LastModified"]);
        foreach (var (key, name, sortOrder, active) in Stages)
        {
            csv.WriteRecord([key, name, sortOrder.ToString(Invariant), active ? "yes" : "no", "02.01.2024 08:00"]);
        }
    }

    private static string[] WriteAccounts(string path, ValuePools pools, Faker faker, SampleRandom random, string[] owners)
    {
        using var csv = OpenCsv(path);
        csv.WriteHeader(
        [
            "AccountId", "AccountName", "Domains", "Industry", "Employees", "AnnualRevenue", "Tier",
            "HealthScore", "Region", "AccountOwner", "Description", "Deleted", "LastModified",
        ]);

        // Accounts other exports may point at: not the rejected ones, not the deleted one.
        var referable = new List<string>();
        var renamed = string.Empty;
        for (var i = 1; i <= AccountCount + 3; i++)
        {
            var id = "ACC-" + (1000 + i).ToString(Invariant);
            var company = random.Next(pools.Companies.Length);
            var slug = pools.CompanySlugs[company];
            var tld = TopLevelDomains[company % TopLevelDomains.Length];
            var employees = random.Next(5, 25_000);
            var modified = Local(Start.AddDays(random.Next(0, 60)), random);
            var tier = random.Chance(10) ? string.Empty : random.Pick(Tiers);
            var description = random.Chance(60) ? string.Empty : faker.Company.CatchPhrase();
            var deleted = "0";
            switch (i)
            {
                case 3:
                    description = "Key account since 2019.\r\nRenewal handled by the Munich office."; // a line break inside a quoted cell
                    break;
                case 4:
                    description = "Uses \"Acme Cloud\"; prefers invoices by post"; // quotes and the separator inside a cell
                    break;
                case 7:
                    modified = "05.03.2024 16:45"; // the newer version of ACC-1007; the older one comes later in the file
                    renamed = pools.Companies[company];
                    break;
                case AccountCount:
                    deleted = "1"; // deleted in the CRM: uploaded with isDeleted = true (not an error)
                    break;
                case AccountCount + 1:
                    modified = "31.02.2024 14:00"; // BAD: no such date
                    break;
                case AccountCount + 2:
                    tier = "Diamond"; // BAD: not one of the PICKLIST values
                    break;
                case AccountCount + 3:
                    id = string.Empty; // BAD: no objectId
                    break;
                default:
                    break;
            }

            if (i < AccountCount)
            {
                referable.Add(id);
            }

            var row = new[]
            {
                id, pools.Companies[company], Domains(Website(random, slug, tld), random.Chance(25), slug, tld),
                random.Chance(5) ? string.Empty : random.Pick(ValuePools.Industries),
                GermanNumber(employees, "#,##0"),
                GermanNumber(employees * (decimal)random.Next(40_000, 250_000) / 100m, "#,##0.00"),
                tier,
                GermanNumber(random.Next(0, 1001) / 10m, "0.#"),
                random.Pick(Regions),
                random.Pick(owners),
                description,
                deleted,
                modified,
            };
            csv.WriteRecord(row);

            if (i == 40)
            {
                // The older version of ACC-1007, further down the export: both are valid.
                csv.WriteRecord(["ACC-1007", renamed + " (old name)", string.Empty, "Retail", "1.200", "2.400.000,00", "Silver", "55,5", "dach", owners[0], string.Empty, "0", "12.01.2024 09:30"]);
            }
        }

        return [.. referable];
    }

    private static string[] WriteContacts(string path, ValuePools pools, SampleRandom random, string[] accounts)
    {
        using var csv = OpenCsv(path);
        csv.WriteHeader(["ContactId", "AccountId", "FirstName", "LastName", "Email", "Title", "Phone", "MobilePhone", "LastModified"]);
        var contacts = new string[ContactCount];
        for (var i = 1; i <= ContactCount; i++)
        {
            var id = "CON-" + (2000 + i).ToString(Invariant);
            var account = i == 77 ? "ACC-9999" : accounts[random.Next(accounts.Length)]; // ACC-9999: WARNING, no such account
            var person = random.Next(pools.FirstNames.Length);
            var domain = pools.CompanySlugs[random.Next(pools.CompanySlugs.Length)];
            contacts[i - 1] = id + "|" + account;
            csv.WriteRecord(
            [
                id, account, pools.FirstNames[person], pools.LastNames[person],
                random.Chance(8) ? string.Empty : $" {Capitalize(pools.AsciiFirstNames[person])}.{Capitalize(pools.AsciiLastNames[person])}@{domain}.example ",
                random.Chance(15) ? string.Empty : pools.JobTitles[random.Next(pools.JobTitles.Length)],
                random.Chance(20) ? string.Empty : pools.Phones[random.Next(pools.Phones.Length)],
                random.Chance(60) ? string.Empty : pools.Phones[random.Next(pools.Phones.Length)],
                Local(Start.AddDays(random.Next(0, 60)), random),
            ]);
        }

        return contacts;
    }

    private static string[] WriteDeals(
        string path, ValuePools pools, SampleRandom random, string[] accounts, string[] contacts, string[] owners)
    {
        using var csv = OpenCsv(path);
        csv.WriteHeader(
        [
            "OpportunityId", "AccountId", "OwnerId", "OpportunityName", "StageName", "Amount", "CloseDate",
            "CreatedDate", "LastModified", "ForecastCategory", "Probability", "PrimaryContactId",
        ]);
        var deals = new List<string>();
        for (var i = 1; i <= DealCount; i++)
        {
            var id = "OPP-" + (3000 + i).ToString(Invariant);
            var account = accounts[random.Next(accounts.Length)];
            var stage = Stages[random.Next(Stages.Length)];
            if (!stage.Active)
            {
                stage = Stages[0];
            }

            var created = Start.AddDays(-random.Next(10, 300)).AddMinutes(random.Next(7 * 60, 19 * 60));
            var close = created.AddDays(random.Next(20, 200));
            var amount = GermanNumber(random.Next(500, 2_500_000) / 10m, "#,##0.00");
            var owner = random.Pick(owners);
            var contact = Array.Find(contacts, c => c.EndsWith("|" + account, StringComparison.Ordinal));
            if (i == 33)
            {
                amount = "TBD"; // BAD: not a number
            }
            else if (i == 50)
            {
                owner = "USR-099"; // WARNING: no such BUSINESS_USER
            }
            else
            {
                deals.Add(id + "|" + account);
            }

            var probability = stage.Key switch
            {
                "closed-won" => "100",
                "closed-lost" => "0",
                _ => (stage.SortOrder * 15).ToString(Invariant),
            };
            csv.WriteRecord(
            [
                id, account, owner, $"{pools.Companies[random.Next(pools.Companies.Length)]} - {pools.Products[random.Next(pools.Products.Length)]}",
                i % 9 == 0 ? $" {stage.Name} " : stage.Name, // a few stage names padded with spaces (trim transform)
                amount,
                close.ToString(CloseDateFormat, Invariant),
                created.ToString(LocalDateTimeFormat, Invariant),
                Local(Start.AddDays(random.Next(0, 60)), random),
                stage.Key.StartsWith("closed", StringComparison.Ordinal) ? "Closed" : random.Pick(Forecasts),
                probability,
                contact?.Split('|')[0] ?? string.Empty,
            ]);
        }

        return [.. deals];
    }

    private static CsvWriter OpenCsv(string path)
    {
        var text = new StreamWriter(path, append: false, Latin1);
        return CsvWriter.Create(text, new CsvWriterOptions { Separator = ';' }, leaveOpen: false);
    }

    // A multi-value "Domains" cell: '|'-separated web sites, hosts and email addresses, as Acme's CRM exports it.
    private static string Domains(string website, bool more, string slug, string tld) =>
        !more ? website
        : website.Length == 0 ? $"info@{slug}.{tld}|{slug}-group.{tld}"
        : $"{website}|{slug}-group.{tld}|mail.{slug}.com";

    private static string Website(SampleRandom random, string slug, string tld) => random.Next(6) switch
    {
        0 => string.Empty,
        1 => $"http://{slug}.{tld}",
        2 => $"www.{slug}.{tld}",
        3 => $"https://www.{slug}.{tld}/kontakt",
        _ => $"https://www.{slug}.{tld}",
    };

    // A local (Europe/Berlin) office-hours time: never inside a daylight-saving gap or overlap.
    private static string Local(DateTime day, SampleRandom random) =>
        day.Date.AddMinutes(random.Next(7 * 60, 20 * 60)).ToString(LocalDateTimeFormat, Invariant);

    // German number layout (1.234.567,89) without depending on the machine's ICU data.
    private static string GermanNumber(decimal value, string format)
    {
        var text = value.ToString(format, Invariant);
        var swapped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            swapped.Append(c switch { ',' => '.', '.' => ',', _ => c });
        }

        return swapped.ToString();
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
