using CsvHelper;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Samples;

/// <summary>
/// Writes large synthetic CRM exports (CSV, UTF-8, comma separated, CRLF, header row) for benchmarks and load tests.
/// The same type, row count and seed always give the same bytes.
/// </summary>
/// <remarks>
/// Values come from pools drawn once from Bogus and combined by a fast seeded generator, so a million rows take a
/// few seconds and memory stays flat whatever the row count (rows are streamed to the file). Dates are written as
/// <c>yyyy-MM-dd HH:mm:ss</c> (local CRM time, no offset); ids are <c>ACC-0000001</c>, <c>USR-0001</c>, ....
/// <c>mappings/benchmark/account.yaml</c> maps the ACCOUNT export.
/// </remarks>
public static class SyntheticExports
{
    /// <summary>The layout of every date-time cell.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The layout of date-only cells (DEAL <c>CloseDate</c>).</summary>
    public const string DateFormat = "yyyy-MM-dd";

    private const int PoolSize = 1024;
    private const int OwnerCount = 500;
    // The PICKLIST values of mappings/benchmark/account.yaml: a tier outside them would be rejected.
    private static readonly string[] TierValues = ["Bronze", "Silver", "Gold", "Platinum"];
    private static readonly string[] RegionValues = ["EMEA", "North America", "LATAM", "APAC"];
    private static readonly string[] StageNames =
        ["Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];

    private static readonly string[] LeadStatuses = ["New", "Working", "Nurturing", "Qualified", "Unqualified"];
    private static readonly DateTime Epoch = new(2016, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Returns the header row of the export of <paramref name="type"/>.</summary>
    public static string[] Header(CrmObjectType type) => type switch
    {
        CrmObjectType.Account =>
        [
            "Id", "Name", "Website", "Industry", "Employees", "AnnualRevenue", "CreatedDate", "LastModified",
            "OwnerId", "Tier", "HealthScore", "Region",
        ],
        CrmObjectType.BusinessUser => ["Id", "FirstName", "LastName", "Email", "Title", "IsActive", "LastModified"],
        CrmObjectType.Stage => ["Id", "Name", "SortOrder", "IsActive", "LastModified"],
        CrmObjectType.Contact =>
            ["Id", "AccountId", "FirstName", "LastName", "Email", "Title", "Phone", "LastModified"],
        CrmObjectType.Deal =>
        [
            "Id", "AccountId", "OwnerId", "Name", "StageName", "Amount", "CloseDate", "CreatedDate", "LastModified",
            "Probability",
        ],
        CrmObjectType.Lead =>
            ["Id", "FirstName", "LastName", "Email", "Company", "Title", "Phone", "Status", "LastModified"],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown CRM object type."),
    };

    /// <summary>Writes a synthetic export of <paramref name="rows"/> records of <paramref name="type"/> to
    /// <paramref name="path"/> (created or overwritten, with its folder).</summary>
    /// <param name="type">The object type the export holds.</param>
    /// <param name="rows">How many records to write (0 writes the header only).</param>
    /// <param name="path">The CSV file to write.</param>
    /// <param name="seed">The seed: the same seed gives the same file.</param>
    public static void WriteCsv(CrmObjectType type, long rows, string path, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var header = Header(type);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        var pools = ValuePools.Create(seed, PoolSize, ["en"], latin1Only: false, phoneFormat: "+1 ###-###-####");
        var random = new SampleRandom(((ulong)(uint)seed << 8) | (ulong)type);
        var text = new TextBuffer();
        using var writer = CsvWriter.ToFile(path, new CsvWriterOptions { BufferSize = 1 << 20 });
        writer.WriteHeader(header);
        Action<CsvWriter, long> writeRow = type switch
        {
            CrmObjectType.Account => (w, i) => WriteAccount(w, i, pools, random, text),
            CrmObjectType.BusinessUser => (w, i) => WriteUser(w, i, pools, random, text),
            CrmObjectType.Stage => (w, i) => WriteStage(w, i, random, text),
            CrmObjectType.Contact => (w, i) => WriteContact(w, i, pools, random, text),
            CrmObjectType.Deal => (w, i) => WriteDeal(w, i, rows, pools, random, text),
            _ => (w, i) => WriteLead(w, i, pools, random, text),
        };

        for (var i = 0L; i < rows; i++)
        {
            writeRow(writer, i);
            writer.EndRecord();
        }
    }

    private static void WriteAccount(CsvWriter w, long i, ValuePools pools, SampleRandom random, TextBuffer text)
    {
        var company = random.Next(PoolSize);
        var created = RandomDate(random, 0, 8 * 365);
        var modified = Later(random, created, 2 * 365);
        var employees = EmployeeCount(random);

        w.WriteField(Id(text, "ACC-", i + 1, "D7"));
        w.WriteField(pools.Companies[company]);
        w.WriteField(random.Chance(3) ? default : Website(text, pools.CompanySlugs[company], i, random.Next(4)));
        w.WriteField(random.Chance(2) ? string.Empty : random.Pick(ValuePools.Industries));
        w.WriteField(employees, default);
        w.WriteField(((employees * (long)random.Next(50_000, 400_000)) + random.Next(100)) / 100m, "F2");
        w.WriteField(created, DateTimeFormat);
        w.WriteField(modified, DateTimeFormat);
        w.WriteField(Id(text, "USR-", random.Next(1, OwnerCount + 1), "D4"));
        w.WriteField(random.Chance(5) ? string.Empty : random.Pick(TierValues));
        w.WriteField(random.Next(1001) / 10m, "F1");
        w.WriteField(random.Pick(RegionValues));
    }

    private static void WriteUser(CsvWriter w, long i, ValuePools pools, SampleRandom random, TextBuffer text)
    {
        var first = random.Next(PoolSize);
        var last = random.Next(PoolSize);
        w.WriteField(Id(text, "USR-", i + 1, "D4"));
        w.WriteField(pools.FirstNames[first]);
        w.WriteField(pools.LastNames[last]);
        w.WriteField(text.Clear().Append(pools.AsciiFirstNames[first]).Append(".").Append(pools.AsciiLastNames[last])
            .Append(i + 1).Append("@example.com").Span);
        w.WriteField(pools.JobTitles[random.Next(PoolSize)]);
        w.WriteField(random.Chance(95) ? "true" : "false");
        w.WriteField(RandomDate(random, 0, 9 * 365), DateTimeFormat);
    }

    private static void WriteStage(CsvWriter w, long i, SampleRandom random, TextBuffer text)
    {
        w.WriteField(Id(text, "STG-", i + 1, "D4"));
        w.WriteField(text.Clear().Append(StageNames[i % StageNames.Length]).Append(" ").Append((i / StageNames.Length) + 1).Span);
        w.WriteField(i + 1, default);
        w.WriteField(random.Chance(90) ? "true" : "false");
        w.WriteField(RandomDate(random, 0, 9 * 365), DateTimeFormat);
    }

    private static void WriteContact(CsvWriter w, long i, ValuePools pools, SampleRandom random, TextBuffer text)
    {
        var first = random.Next(PoolSize);
        var last = random.Next(PoolSize);
        var company = random.Next(PoolSize);
        w.WriteField(Id(text, "CON-", i + 1, "D7"));
        w.WriteField(Id(text, "ACC-", random.Next(1, (int)Math.Min(int.MaxValue, (i / 3) + 2)), "D7"));
        w.WriteField(pools.FirstNames[first]);
        w.WriteField(pools.LastNames[last]);
        w.WriteField(random.Chance(4) ? default : text.Clear().Append(pools.AsciiFirstNames[first]).Append(".")
            .Append(pools.AsciiLastNames[last]).Append("@").Append(pools.CompanySlugs[company]).Append(".com").Span);
        w.WriteField(random.Chance(10) ? string.Empty : pools.JobTitles[random.Next(PoolSize)]);
        w.WriteField(random.Chance(20) ? string.Empty : pools.Phones[random.Next(PoolSize)]);
        w.WriteField(RandomDate(random, 0, 9 * 365), DateTimeFormat);
    }

    private static void WriteDeal(CsvWriter w, long i, long rows, ValuePools pools, SampleRandom random, TextBuffer text)
    {
        var created = RandomDate(random, 0, 8 * 365);
        var stage = random.Next(StageNames.Length);
        w.WriteField(Id(text, "OPP-", i + 1, "D7"));
        w.WriteField(Id(text, "ACC-", random.Next(1, (int)Math.Min(int.MaxValue, (rows / 2) + 2)), "D7"));
        w.WriteField(Id(text, "USR-", random.Next(1, OwnerCount + 1), "D4"));
        w.WriteField(text.Clear().Append(pools.Companies[random.Next(PoolSize)]).Append(" - ")
            .Append(pools.Products[random.Next(PoolSize)]).Span);
        w.WriteField(StageNames[stage]);
        w.WriteField(random.Next(100, 50_000_000) / 100m, "F2");
        w.WriteField(created.AddDays(random.Next(14, 365)), DateFormat);
        w.WriteField(created, DateTimeFormat);
        w.WriteField(Later(random, created, 365), DateTimeFormat);
        w.WriteField(stage switch { 5 => 100, 6 => 0, _ => (stage + 1) * 10 }, default);
    }

    private static void WriteLead(CsvWriter w, long i, ValuePools pools, SampleRandom random, TextBuffer text)
    {
        var first = random.Next(PoolSize);
        var last = random.Next(PoolSize);
        var company = random.Next(PoolSize);
        w.WriteField(Id(text, "LEAD-", i + 1, "D7"));
        w.WriteField(pools.FirstNames[first]);
        w.WriteField(pools.LastNames[last]);
        w.WriteField(text.Clear().Append(pools.AsciiFirstNames[first]).Append(".").Append(pools.AsciiLastNames[last])
            .Append("@").Append(pools.CompanySlugs[company]).Append(".net").Span);
        w.WriteField(pools.Companies[company]);
        w.WriteField(random.Chance(15) ? string.Empty : pools.JobTitles[random.Next(PoolSize)]);
        w.WriteField(random.Chance(30) ? string.Empty : pools.Phones[random.Next(PoolSize)]);
        w.WriteField(random.Pick(LeadStatuses));
        w.WriteField(RandomDate(random, 0, 9 * 365), DateTimeFormat);
    }

    private static ReadOnlySpan<char> Id(TextBuffer text, string prefix, long number, string format) =>
        text.Clear().Append(prefix).Append(number, format).Span;

    private static ReadOnlySpan<char> Website(TextBuffer text, string slug, long row, int pattern) => pattern switch
    {
        0 => text.Clear().Append("https://www.").Append(slug).Append(".com").Span,
        1 => text.Clear().Append("http://").Append(slug).Append(row % 97).Append(".io/").Span,
        2 => text.Clear().Append("https://").Append(slug).Append(".co.uk/about?ref=crm").Span,
        _ => text.Clear().Append("www.").Append(slug).Append("-group.net").Span,
    };

    private static int EmployeeCount(SampleRandom random) => random.Next(4) switch
    {
        0 => random.Next(1, 50),
        1 => random.Next(50, 500),
        2 => random.Next(500, 5_000),
        _ => random.Next(5_000, 100_000),
    };

    // Office hours only (06:00-22:00): no local time falls into a daylight-saving gap or overlap, whatever
    // time zone a mapping reads the export in.
    private static DateTime RandomDate(SampleRandom random, int fromDay, int toDay) =>
        Epoch.AddDays(random.Next(fromDay, toDay)).AddSeconds(random.Next(6 * 3600, 22 * 3600));

    private static DateTime Later(SampleRandom random, DateTime from, int maxDays) =>
        from.Date.AddDays(random.Next(1, maxDays)).AddSeconds(random.Next(6 * 3600, 22 * 3600));
}
