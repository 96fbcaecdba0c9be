using System.Globalization;
using System.Text;
using GongCrmBridge.Batching;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Outcomes;
using GongCrmBridge.Sandbox;
using GongCrmBridge.Status;
using GongCrmBridge.Tests.Support;
using GongCrmBridge.Upload;
using Microsoft.Extensions.Logging.Abstractions;
using static GongCrmBridge.Tests.Mapping.MappingTestKit;

namespace GongCrmBridge.Tests.Upload;

/// <summary>UploadCoordinator + BatchUploader over real LDJSON files, a real client and the Gong emulator on loopback.</summary>
public sealed class UploadOrderTests : IAsyncLifetime
{
    private const string RunId = "20240301T120000Z-test";
    private static readonly DateTime Epoch = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "gcb-upload-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _events = [];
    private readonly List<Rejection> _rejections = [];
    private readonly UploadLedger _ledger = new();
    private EmulatedGong _gong = null!;
    private GongCrmClient _client = null!;
    private long _integrationId;

    public async Task InitializeAsync()
    {
        _gong = await EmulatedGong.StartAsync();
        _client = _gong.Client;
        _integrationId = (await _client.RegisterIntegrationAsync("Test CRM", "revops@test.example")).IntegrationId;
        _ledger.Finished += outcome => Log($"done {Name(outcome.File)}");
    }

    public async Task DisposeAsync()
    {
        await _gong.DisposeAsync();
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private static string Name(BatchFile file) => $"{file.ObjectType.ToWireName()}-{file.Sequence}";

    private void Log(string entry)
    {
        lock (_events)
        {
            _events.Add(entry);
        }
    }

    private static UploadOptions Options(int maxErrorRounds = 10) => new()
    {
        Polling = new PollingOptions
        {
            FirstDelay = TimeSpan.FromMilliseconds(20),
            Growth = 1.5,
            MaxDelay = TimeSpan.FromMilliseconds(50),
            Timeout = TimeSpan.FromSeconds(30),
        },
        MaxErrorRounds = maxErrorRounds,
        MaxFilesInFlight = 3,
    };

    private (UploadCoordinator Coordinator, BatchUploader Uploader) Create(UploadOptions options)
    {
        var poller = new RequestStatusPoller(_client, options.Polling, TimeProvider.System, NullLogger.Instance);
        var uploader = new BatchUploader(_client, poller, options, Reject, new RunScopedJournal(RunId), NullLogger.Instance);
        uploader.Sent += file => Log($"sent {Name(file)}");
        uploader.Sent += _ledger.MarkSent;
        return (new UploadCoordinator(uploader, options, _ledger, NullLogger.Instance), uploader);

        void Reject(IReadOnlyList<Rejection> rejected)
        {
            lock (_rejections)
            {
                _rejections.AddRange(rejected);
            }
        }
    }

    private static readonly Dictionary<CrmObjectType, string> Mappings = new()
    {
        [CrmObjectType.BusinessUser] = "objectType: BUSINESS_USER\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  emailAddress: Name\n",
        [CrmObjectType.Stage] = "objectType: STAGE\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  name: Name\n",
        [CrmObjectType.Account] = AccountHeader + "\nfields:\n  name: Name\n",
        [CrmObjectType.Contact] = "objectType: CONTACT\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  accountId: Name\n",
        [CrmObjectType.Deal] = "objectType: DEAL\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  name: Name\n",
        [CrmObjectType.Lead] = "objectType: LEAD\nobjectId: Id\nmodifiedDate: Modified\nfields:\n  lastName: Name\n",
    };

    /// <summary>Maps rows (id, minutes after the epoch, name) of one export through a real mapping, source lines from 2,
    /// and batches them with the real batcher.</summary>
    private async Task<IReadOnlyList<BatchFile>> BatchAsync(
        CrmObjectType type, IEnumerable<(string Id, int Minute, string Name)> rows, long maxFileBytes = 1_000_000)
    {
        var mapping = Compile(Mappings[type]);
        var chunk = Chunk(mapping, [.. rows.Select(r => new Dictionary<string, string>
        {
            ["Id"] = r.Id,
            ["Modified"] = Epoch.AddMinutes(r.Minute).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["Name"] = r.Name,
        })]);
#pragma warning disable CA1308 // a file name, lower case like the tool's own; not a comparison
        var mapped = mapping.Map(new MappedSource(chunk, $"{type.ToWireName().ToLowerInvariant()}.csv").Chunk);
#pragma warning restore CA1308
        Assert.Empty(mapped.Rejections);
        return await BatchAsync(type, mapped, maxFileBytes);
    }

    private async Task<IReadOnlyList<BatchFile>> BatchAsync(CrmObjectType type, MappedChunk mapped, long maxFileBytes = 1_000_000)
    {
        await using var batcher = new LdjsonBatcher(type, new BatchingOptions
        {
#pragma warning disable CA1308 // a folder name, lower case like the tool's own; not a comparison
            WorkDirectory = Path.Combine(_work, type.ToWireName().ToLowerInvariant()),
#pragma warning restore CA1308
            MaxFileBytes = maxFileBytes,
        });
        await batcher.AddAsync(mapped, CancellationToken.None);
        return await batcher.CompleteAsync(CancellationToken.None);
    }

    private static IEnumerable<(string, int, string)> Rows(string prefix, int count, string name = "Name") =>
        Enumerable.Range(1, count).Select(i => ($"{prefix}-{i}", i, name));

    [Fact]
    public async Task UploadAsync_EveryType_AccountsDoneBeforeContactsAndDealsThenLeadsLast()
    {
        // Given several files of every type (accounts split over files by a small size limit)
        var files = new List<BatchFile>();
        files.AddRange(await BatchAsync(CrmObjectType.Lead, Rows("L", 3)));
        files.AddRange(await BatchAsync(CrmObjectType.Deal, Rows("D", 3)));
        files.AddRange(await BatchAsync(CrmObjectType.Contact, Rows("C", 3, "ACC-1")));
        files.AddRange(await BatchAsync(CrmObjectType.Account, Rows("ACC", 30), maxFileBytes: 1024));
        files.AddRange(await BatchAsync(CrmObjectType.Stage, Rows("S", 2)));
        files.AddRange(await BatchAsync(CrmObjectType.BusinessUser, Rows("U", 2, "u@test.example").Select((r, i) => (r.Item1, r.Item2, $"u{i}@test.example"))));
        Assert.True(files.Count(f => f.ObjectType == CrmObjectType.Account) >= 2);
        var (coordinator, _) = Create(Options());

        // When they are uploaded
        await coordinator.UploadAsync(_integrationId, files, deletes: false, CancellationToken.None);

        // Then every file finished; users, stages and accounts were all DONE before the first contact or deal
        // was sent, and those before the first lead
        Assert.All(files, f => Assert.NotNull(_ledger.OutcomeOf(f)));
        var events = _events.ToList();
        int Last(string what, params string[] types) => events.FindLastIndex(e => e.StartsWith(what, StringComparison.Ordinal) && types.Any(t => e.Contains(' ' + t + '-', StringComparison.Ordinal)));
        int First(string what, params string[] types) => events.FindIndex(e => e.StartsWith(what, StringComparison.Ordinal) && types.Any(t => e.Contains(' ' + t + '-', StringComparison.Ordinal)));
        Assert.True(Last("done", "BUSINESS_USER", "STAGE", "ACCOUNT") < First("sent", "CONTACT", "DEAL"), string.Join(", ", events));
        Assert.True(Last("done", "CONTACT", "DEAL") < First("sent", "LEAD"), string.Join(", ", events));

        // and the emulator received them in that order, with our clientRequestIds
        var phase = new Dictionary<string, int> { ["BUSINESS_USER"] = 0, ["STAGE"] = 0, ["ACCOUNT"] = 0, ["CONTACT"] = 1, ["DEAL"] = 1, ["LEAD"] = 2 };
        var received = _gong.Sandbox.State.Uploads;
        Assert.Equal(files.Count, received.Count);
        Assert.Equal(received.Select(u => phase[u.ObjectType]).Order(), received.Select(u => phase[u.ObjectType]));
        Assert.Contains(received, u => u.ClientRequestId == $"{RunId}-ACCOUNT-001");
        Assert.All(received, u => Assert.Equal(SandboxRequestStatus.Done, u.Status));
        Assert.Equal(30, _gong.Sandbox.State.Objects("ACCOUNT").Count);
        Assert.Empty(_rejections);
    }

    [Fact]
    public async Task UploadAsync_FileWithLaterVersions_WaitsForEarlierFilesOfItsType()
    {
        // Given an export holding two versions of ACC-1 (the newer one goes to a second file)
        var files = await BatchAsync(CrmObjectType.Account, [("ACC-1", 1, "Old"), ("ACC-2", 2, "Two"), ("ACC-1", 5, "New")]);
        Assert.Equal([false, true], files.Select(f => f.HoldsLaterVersions));
        var (coordinator, _) = Create(Options());

        // When they are uploaded
        await coordinator.UploadAsync(_integrationId, files, deletes: false, CancellationToken.None);

        // Then the second file was sent only after the first was DONE, so the newest version is the one kept
        Assert.Equal(["sent ACCOUNT-0", "done ACCOUNT-0", "sent ACCOUNT-1", "done ACCOUNT-1"], _events);
        Assert.Equal("New", _gong.Sandbox.State.Objects("ACCOUNT")["ACC-1"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task UploadAsync_MoreThanTwentyGongErrors_FindsTheRestInReuploadRoundsAndMapsThemToSourceLines()
    {
        // Given 40 accounts whose source order is the reverse of their modifiedDate order (so file lines differ from
        // source lines), 25 of which Gong rejects for a reason we cannot check
        var rows = Enumerable.Range(1, 40).Select(i => (Id: i % 8 < 5 ? $"BAD-{i}" : $"OK-{i}", Minute: 100 - i, Name: "N")).ToList();
        var bad = rows.Select((r, index) => (r.Id, Line: index + 2L)).Where(r => r.Id.StartsWith("BAD", StringComparison.Ordinal)).ToList();
        Assert.Equal(25, bad.Count);
        _gong.Sandbox.Faults.RejectRecords((_, record) =>
            record.GetProperty("objectId").GetString()!.StartsWith("BAD", StringComparison.Ordinal) ? "Account is on a blocklist" : null);
        var file = Assert.Single(await BatchAsync(CrmObjectType.Account, rows));
        var (_, uploader) = Create(Options());

        // When it is uploaded
        var outcome = await uploader.UploadAsync(_integrationId, file, CancellationToken.None);

        // Then Gong named 20 in the first upload and the other 5 in a second round without those 20;
        // every rejection points at the record's real source line
        Assert.Equal((15L, 25L, 0L, false), (outcome.Accepted, outcome.Rejected, outcome.Unidentified, outcome.FailedOutright));
        Assert.Equal([$"{RunId}-ACCOUNT-001", $"{RunId}-ACCOUNT-001-r1"], outcome.Uploads.Select(u => u.ClientRequestId));
        Assert.Equal([(40, 25), (20, 5)], outcome.Uploads.Select(u => (u.Records, u.TotalErrorCount ?? -1)));
        Assert.Equal(bad.OrderBy(b => b.Line), _rejections.Select(r => (r.ObjectId!, r.Line)).OrderBy(r => r.Line));
        Assert.All(_rejections, r => Assert.Equal(
            (CrmObjectType.Account, "account.csv", RejectionStage.Gong, "Account is on a blocklist"),
            (r.ObjectType, r.Source, r.Stage, r.Reason)));
        Assert.Equal(15, _gong.Sandbox.State.Objects("ACCOUNT").Count);
    }

    [Fact]
    public async Task UploadAsync_OneErrorRound_LeavesUnnamedErrorsUnidentified()
    {
        // Given 30 accounts Gong rejects 25 of, and a single upload allowed per file
        var rows = Enumerable.Range(1, 30).Select(i => (Id: i <= 25 ? $"BAD-{i}" : $"OK-{i}", Minute: i, Name: "N")).ToList();
        _gong.Sandbox.Faults.RejectRecords((_, record) =>
            record.GetProperty("objectId").GetString()!.StartsWith("BAD", StringComparison.Ordinal) ? "blocked" : null);
        var file = Assert.Single(await BatchAsync(CrmObjectType.Account, rows));
        var (_, uploader) = Create(Options(maxErrorRounds: 1));

        // When it is uploaded
        var outcome = await uploader.UploadAsync(_integrationId, file, CancellationToken.None);

        // Then the 20 named errors are rejections and the other 5 are counted as unidentified, with no second upload
        Assert.Equal((5L, 20L, 5L), (outcome.Accepted, outcome.Rejected, outcome.Unidentified));
        Assert.Single(outcome.Uploads);
        Assert.Equal(20, _rejections.Count);
        Assert.Equal(1, _gong.Sandbox.State.UploadCount);
    }

    [Fact]
    public async Task UploadAsync_DoneWithFewerSuccessesThanRecordsSent_TheMissingOnesAreUnnamedRejectionsNotAccepted()
    {
        // Given 10 accounts, 3 of which Gong loses without a word: DONE, totalSuccessCount 7, no error
        _gong.Sandbox.Faults.LoseRecords((_, record) => record.GetProperty("objectId").GetString() is "A-2" or "A-5" or "A-9");
        var file = Assert.Single(await BatchAsync(CrmObjectType.Account, Rows("A", 10)));
        var (_, uploader) = Create(Options());

        // When it is uploaded
        var outcome = await uploader.UploadAsync(_integrationId, file, CancellationToken.None);

        // Then Gong's count is trusted: 7 accepted, and 3 unexplained ones counted as rejected without a name
        var upload = Assert.Single(outcome.Uploads);
        Assert.Equal(("DONE", 7, 0), (upload.Status, upload.TotalSuccessCount, upload.TotalErrorCount));
        Assert.Equal((7L, 0L, 3L, false), (outcome.Accepted, outcome.Rejected, outcome.Unidentified, outcome.FailedOutright));
        Assert.Equal(7, _gong.Sandbox.State.Objects("ACCOUNT").Count);
        Assert.Empty(_rejections);
    }

    [Fact]
    public async Task UploadAsync_WholeFileError_RejectsEveryRecordWithItsSourceLine()
    {
        // Given a file Gong cannot read at all (a record holds bytes that are not UTF-8)
        var json = new MemoryStream();
        var ids = new MemoryStream();
        var records = new List<MappedRecord>();
        foreach (var (id, line) in new[] { ("ACC-1", 2L), ("ACC-2", 3L), ("ACC-3", 4L) })
        {
            var bytes = Encoding.UTF8.GetBytes($$"""{"objectId":"{{id}}","modifiedDate":"2024-03-01T00:00:00Z","name":"X"}""");
            if (id == "ACC-2")
            {
                bytes[^3] = 0xFF;
            }

            records.Add(new MappedRecord(Epoch.Ticks + line, line, (int)json.Length, bytes.Length, new IdRange((int)ids.Length, id.Length), default));
            json.Write(bytes);
            ids.Write(Encoding.UTF8.GetBytes(id));
        }

        var file = Assert.Single(await BatchAsync(
            CrmObjectType.Account, new MappedChunk(CrmObjectType.Account, "account.csv", 3, records, json.ToArray(), ids.ToArray(), [])));
        var (_, uploader) = Create(Options());

        // When it is uploaded
        var outcome = await uploader.UploadAsync(_integrationId, file, CancellationToken.None);

        // Then every record is rejected with Gong's file-level reason and its own source line, and the file failed outright
        Assert.Equal((0L, 3L, 0L, true), (outcome.Accepted, outcome.Rejected, outcome.Unidentified, outcome.FailedOutright));
        Assert.Equal([("ACC-1", 2L), ("ACC-2", 3L), ("ACC-3", 4L)], _rejections.Select(r => (r.ObjectId!, r.Line)).Order());
        Assert.All(_rejections, r => Assert.Contains("not valid UTF-8", r.Reason, StringComparison.Ordinal));
        Assert.Equal("FAILED", Assert.Single(outcome.Uploads).Status);
    }

    /// <summary>Renames a hand-built chunk's source (MappingTestKit names every chunk export.csv).</summary>
    private sealed class MappedSource
    {
        public MappedSource(GongCrmBridge.Sources.SourceChunk chunk, string source)
        {
            Chunk = new GongCrmBridge.Sources.SourceChunk(source, chunk.ColumnCount, Math.Max(1, chunk.Count));
            for (var row = 0; row < chunk.Count; row++)
            {
                Chunk.BeginRecord(chunk.Line(row));
                for (var column = 0; column < chunk.ColumnCount; column++)
                {
                    Chunk.AddCell(column, chunk.Cell(row, column));
                }
            }
        }

        public GongCrmBridge.Sources.SourceChunk Chunk { get; }
    }
}
