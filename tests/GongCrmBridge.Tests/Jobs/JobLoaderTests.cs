using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Sources;
using GongCrmBridge.Tests.Mapping;

namespace GongCrmBridge.Tests.Jobs;

public sealed class JobLoaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public JobLoaderTests()
    {
        _dir.Write("samples/acme/exports/users.csv", "Id,Email,Modified\nU1,a@b.example,2024-03-01\n");
        _dir.Write("samples/acme/exports/deals.csv", "Id;Modified;Name\n");
        _dir.Write("mappings/acme/user.yaml", """
            objectType: BUSINESS_USER
            objectId: Id
            modifiedDate: Modified
            fields:
              emailAddress: Email
            """);
        _dir.Write("mappings/acme/deal.yaml", """
            objectType: DEAL
            objectId: Id
            modifiedDate: Modified
            fields:
              name: Name
            """);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Reads the real header of a CSV export (first line, split on the delimiter).</summary>
    private static IReadOnlyList<string> HeaderLacks(SourceSpec source, IReadOnlyList<string> columns)
    {
        var header = File.ReadLines(source.Path).First().Split(source.Delimiter);
        return columns.Where(c => !header.Contains(c)).ToList();
    }

    [Fact]
    public void Load_SpecLikeJob_ResolvesPathsAndOrdersObjectsByDependency()
    {
        // Given a job listing DEAL before BUSINESS_USER, with paths relative to the job file
        var jobPath = _dir.Write("samples/acme/job.yaml", """
            # paths are relative to this file
            integration:
              name: Acme CRM
              ownerEmail: revops@acme.example
            gong:
              baseUrl: https://us-12345.api.gong.io
            objects:
              - type: DEAL
                source: { path: exports/deals.csv, format: csv, delimiter: ";", encoding: latin1 }
                mapping: ../../mappings/acme/deal.yaml
              - type: BUSINESS_USER
                source: { path: exports/users.csv }
                mapping: ../../mappings/acme/user.yaml
            options:
              maxFileMegabytes: 50
              requestsPerSecond: 2.5
              mode: mirror
            """);

        // When it is loaded
        var job = JobLoader.Load(jobPath, HeaderLacks);

        // Then
        Assert.Equal(Path.GetFullPath(jobPath), job.Path);
        Assert.Equal(new IntegrationSettings("Acme CRM", "revops@acme.example"), job.Integration);
        Assert.Equal(new Uri("https://us-12345.api.gong.io"), job.BaseUrl);
        Assert.Equal(new JobOptions { MaxFileMegabytes = 50, RequestsPerSecond = 2.5, Mode = SyncMode.Mirror }, job.Options);
        Assert.Equal([CrmObjectType.BusinessUser, CrmObjectType.Deal], job.Objects.Select(o => o.Type));
        var deal = job.Objects[1];
        Assert.Equal(new SourceSpec(Path.Combine(_dir.Root, "samples", "acme", "exports", "deals.csv"), SourceFormat.Csv, ";", "latin1"), deal.Source);
        Assert.Equal(Path.Combine(_dir.Root, "mappings", "acme", "deal.yaml"), deal.MappingPath);
        Assert.Equal(CrmObjectType.Deal, deal.Mapping.ObjectType);
        Assert.Equal(deal.MappingPath, deal.Mapping.MappingPath);
        Assert.Equal(new SourceSpec(Path.Combine(_dir.Root, "samples", "acme", "exports", "users.csv")), job.Objects[0].Source);
    }

    [Fact]
    public void Load_DefaultsAndJsonLinesSource_AreApplied()
    {
        _dir.Write("users.jsonl", "{}\n");
        var jobPath = _dir.Write("job.yaml", """
            integration: { name: X, ownerEmail: x@y.example }
            objects:
              - type: BUSINESS_USER
                source: { path: users.jsonl, format: jsonl }
                mapping: mappings/acme/user.yaml
            """);

        var job = JobLoader.Load(jobPath, (_, _) => []);

        Assert.Null(job.BaseUrl);
        Assert.Equal(new JobOptions(), job.Options);
        Assert.Equal(SourceFormat.JsonLines, Assert.Single(job.Objects).Source.Format);
    }

    [Fact]
    public void Load_ProblemsInJobAndMappings_AreAllReportedTogether()
    {
        // Given a job with problems of its own, a mapping with a problem, and an export lacking a column
        _dir.Write("mappings/bad.yaml", "objectType: ACCOUNT\nobjectId: Id\nmodifiedDate: { column: M, timeZone: Nowhere/Land }\n");
        var jobPath = _dir.Write("samples/acme/job.yaml", """
            integration:
              name: Acme CRM
              ownerEmail: not-an-email
            gong:
              baseUrl: ftp://gong
            objects:
              - type: DEAL
                source: { path: exports/deals.csv, delimiter: ";" }
                mapping: ../../mappings/acme/deal.yaml
              - type: ACCOUNT
                source: { path: exports/accounts.csv }
                mapping: ../../mappings/bad.yaml
              - type: LEADS
                source: { path: exports/users.csv, format: xml, encoding: ebcdic }
                mapping: ../../mappings/none.yaml
                priority: high
              - type: CONTACT
                source: exports/users.csv
                mapping: ../../mappings/acme/user.yaml
            options:
              maxFileMegabytes: 500
              requestsPerSecond: 0
              mode: sometimes
              retries: 3
            """);
        _dir.Write("samples/acme/exports/deals.csv", "Id;Modified\n");

        // When it is loaded
        var ex = Assert.Throws<ConfigurationException>(() => JobLoader.Load(jobPath, HeaderLacks));

        // Then every problem is there, in the file that holds it, at its node
        var job = Path.GetFullPath(jobPath);
        var badMapping = Path.Combine(_dir.Root, "mappings", "bad.yaml");
        var dealMapping = Path.Combine(_dir.Root, "mappings", "acme", "deal.yaml");
        var userMapping = Path.Combine(_dir.Root, "mappings", "acme", "user.yaml");
        Assert.Equal(
            [
                (job, 3, 15, "integration.ownerEmail is not a valid email address"),
                (job, 5, 12, "gong.baseUrl must be an absolute https URL, e.g. https://us-12345.api.gong.io"),
                (job, 21, 21, "options.maxFileMegabytes must be a whole number from 1 to 200 (Gong takes at most 200 MB per upload)"),
                (job, 22, 22, "options.requestsPerSecond must be more than 0 (Gong allows 3 per second unless raised)"),
                (job, 23, 9, "options.mode must be upsert or mirror"),
                (job, 24, 3, "options: unknown key 'retries' (expected one of: maxFileMegabytes, requestsPerSecond, mode, dailyCallBudget, maxDeletePercent)"),
                (dealMapping, 5, 9, "the export deals.csv lacks the column 'Name' (line 5) this mapping reads; its header, read as UTF-8 with ';' between columns, has 2 columns: 'Id', 'Modified'"),
                (job, 11, 21, "export 'exports/accounts.csv' does not exist (paths are relative to the job file)"),
                (badMapping, 3, 38, "modifiedDate: unknown time zone 'Nowhere/Land' (use an IANA name such as America/New_York or Europe/Berlin)"),
                (job, 16, 5, "object: unknown key 'priority' (expected one of: type, source, mapping)"),
                (job, 13, 11, "unknown object type 'LEADS' (BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL or LEAD; upper case)"),
                (job, 14, 48, "source.format must be csv or jsonl"),
                (job, 14, 63, "source.encoding 'ebcdic' is not supported (utf-8, latin1, windows-1252, utf-16)"),
                (job, 15, 14, "mapping file '../../mappings/none.yaml' does not exist (paths are relative to the job file)"),
                (userMapping, 1, 13, "the job uses this mapping for CONTACT, but it maps BUSINESS_USER"),
            ],
            ex.Problems.Select(p => (p.File, p.Line, p.Column, p.Message)));
    }

    [Fact]
    public void Load_MissingSections_AreProblems()
    {
        var jobPath = _dir.Write("job.yaml", "gong: { baseUrl: https://x.example }\n");

        var ex = Assert.Throws<ConfigurationException>(() => JobLoader.Load(jobPath, (_, _) => []));

        Assert.Equal(
            ["integration is missing (name and ownerEmail of the Gong integration)", "objects is missing (the exports to load, each with type, source and mapping)"],
            ex.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Load_MissingJobFile_IsAProblem()
    {
        var path = Path.Combine(_dir.Root, "absent.yaml");

        var ex = Assert.Throws<ConfigurationException>(() => JobLoader.Load(path, (_, _) => []));

        Assert.Equal(new ConfigurationProblem(path, 0, 0, "the file does not exist"), Assert.Single(ex.Problems));
    }

    [Fact]
    public void Load_HeaderReaderThrowsIo_IsAProblemAtTheSource()
    {
        var jobPath = _dir.Write("job.yaml", """
            integration: { name: X, ownerEmail: x@y.example }
            objects:
              - type: BUSINESS_USER
                source: { path: samples/acme/exports/users.csv }
                mapping: mappings/acme/user.yaml
            """);

        var ex = Assert.Throws<ConfigurationException>(() => JobLoader.Load(jobPath, (_, _) => throw new IOException("disk on fire")));

        Assert.Equal((4, 13, "cannot read the export users.csv: disk on fire"), ex.Problems.Select(p => (p.Line, p.Column, p.Message)).Single());
    }

    [Fact]
    public void Load_EmptyExport_IsOneProblemAtTheSourceNotOnePerColumn()
    {
        _dir.Write("samples/acme/exports/users.csv", string.Empty);
        var jobPath = _dir.Write("job.yaml", """
            integration: { name: X, ownerEmail: x@y.example }
            objects:
              - type: BUSINESS_USER
                source: { path: samples/acme/exports/users.csv }
                mapping: mappings/acme/user.yaml
            """);

        var ex = Assert.Throws<ConfigurationException>(() => JobLoader.Load(jobPath, RecordSources.FindMissingColumns));

        Assert.Equal((4, 13, "the export users.csv is empty: it has not even a header line"), ex.Problems.Select(p => (p.Line, p.Column, p.Message)).Single());
    }
}
