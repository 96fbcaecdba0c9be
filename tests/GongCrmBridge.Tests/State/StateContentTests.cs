using System.Text;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.State;

namespace GongCrmBridge.Tests.State;

/// <summary>The state holds ids, hashes, counts and outcomes: never a cell value, never a secret.</summary>
public sealed class StateContentTests : IDisposable
{
    private const string CellMarker = "Zyxwvut-Cell-7c1e";
    private const string SecretMarker = "sEcReT-9f3b2a";
    private readonly TempStateFolder _folder = new();
    private readonly string _batch = Path.Combine(Path.GetTempPath(), "gcb-content-" + Guid.NewGuid().ToString("N") + ".ldjson");

    [Fact]
    public async Task Run_RecordsHoldingMarkers_DatabaseFilesNeverHoldThem()
    {
        // Given an upload file whose records hold a cell value and a secret-like string
        var records = Enumerable.Range(1, 50).Select(i =>
            $$"""{"objectId":"A-{{i}}","modifiedDate":"2024-03-01T10:00:00Z","name":"{{CellMarker}} {{i}}","apiNote":"{{SecretMarker}}"}""");
        await File.WriteAllTextAsync(_batch, string.Join('\n', records) + "\n");

        // When a whole run goes through the state: lock, run, ledger, tracked objects, calls, end
        var digest = await FileDigest.OfFileAsync(_batch, CancellationToken.None);
        using (var store = _folder.Open())
        using (store.AcquireRunLock("run-1"))
        {
            store.Runs.Start(new RunStart("run-1", "/jobs/nightly.yaml", "mirror", Full: false));
            var upload = store.Uploads.Plan("run-1", CrmObjectType.Account, digest, 50, new FileInfo(_batch).Length, _batch);
            store.Uploads.MarkSent(upload.ClientRequestId);
            store.Calls.Count();
            store.Uploads.MarkFinished(upload.ClientRequestId, RequestState.Done, 49, 1);
            store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, AcceptedRecords.Read(_batch, new HashSet<int> { 7 }));
            var index = store.Tracked.LoadIndex(CrmObjectType.Account);
            Assert.Equal(49, index.Count);
            store.Runs.Finish("run-1", ExitCodes.Rejected, 3, [new RunTypeCounts { ObjectType = "ACCOUNT", Read = 50, Accepted = 49, Rejected = 1 }]);
        }

        // Then no file of the state folder holds either marker, in UTF-8 or UTF-16, while the ids are there
        var files = Directory.GetFiles(_folder.Path);
        Assert.Contains(files, f => f.EndsWith(StateStore.DatabaseFileName, StringComparison.Ordinal));
        var all = files.Select(File.ReadAllBytes).ToList();
        foreach (var marker in new[] { CellMarker, SecretMarker, "Zyxwvut" })
        {
            foreach (var encoded in new[] { Encoding.UTF8.GetBytes(marker), Encoding.Unicode.GetBytes(marker) })
            {
                Assert.DoesNotContain(all, bytes => bytes.AsSpan().IndexOf(encoded) >= 0);
            }
        }

        Assert.Contains(all, bytes => bytes.AsSpan().IndexOf("A-42"u8) >= 0);
    }

    public void Dispose()
    {
        _folder.Dispose();
        File.Delete(_batch);
    }
}
