using System.Globalization;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.State;
using static GongCrmBridge.Tests.State.StateTestKit;

namespace GongCrmBridge.Tests.State;

/// <summary>Tracked objects in SQLite and the in-memory index of the incremental check.</summary>
public sealed class TrackedObjectsTests : IDisposable
{
    private readonly TempStateFolder _folder = new();

    [Fact]
    public void LoadIndex_AfterUpsert_TellsUnchangedChangedAndNewRecordsApart()
    {
        // Given two accounts Gong accepted
        using var store = _folder.Open();
        var upload = PlanUpload(store, "file-1", records: 2);
        store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, [Tracked("A-1"), Tracked("A-2")]);

        // When the next export holds A-1 touched (new modifiedDate only), A-2 edited, and a new A-3
        var index = store.Tracked.LoadIndex(CrmObjectType.Account);

        // Then A-1 is unchanged, A-2 changed, A-3 new
        Assert.Equal(TrackedLookup.Unchanged, Check(index, Account("A-1", modified: "2024-03-02T08:00:00Z")));
        Assert.Equal(TrackedLookup.Changed, Check(index, Account("A-2", employees: 121)));
        Assert.Equal(TrackedLookup.New, Check(index, Account("A-3")));
        Assert.Equal(TrackedLookup.New, Check(store.Tracked.LoadIndex(CrmObjectType.Contact), Account("A-1")));
    }

    [Fact]
    public void Upsert_SameObjectAgain_RefreshesItsHashDateAndUpload()
    {
        // Given an account accepted once
        using var store = _folder.Open();
        var first = PlanUpload(store, "file-1");
        store.Tracked.Upsert(CrmObjectType.Account, first.ClientRequestId, [Tracked("A-1")]);

        // When an edited version is accepted
        var second = PlanUpload(store, "file-2");
        var edited = AcceptedRecords.ToTracked(Account("A-1", modified: "2024-03-05T00:00:00Z", name: "Acme Ltd"));
        store.Tracked.Upsert(CrmObjectType.Account, second.ClientRequestId, [edited]);

        // Then the state holds the new version, once
        Assert.Equal(edited.ContentHash, store.Tracked.HashOf(CrmObjectType.Account, "A-1"));
        Assert.Equal(new TrackedCount(CrmObjectType.Account, 1), Assert.Single(store.Tracked.CountByType()));
        var row = store.Database.Read(connection => StateDatabase.Scalar(
            connection, null, "SELECT modified_unix_ms || ' ' || u.client_request_id FROM tracked_objects t JOIN uploads u ON u.id = t.last_upload_id"));
        Assert.Equal(
            DateTimeOffset.Parse("2024-03-05T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() + " " + second.ClientRequestId,
            row);
    }

    [Fact]
    public void Upsert_MoreRowsThanOneTransaction_WritesThemAll()
    {
        // Given more objects than one chunk holds
        using var store = _folder.Open();
        var upload = PlanUpload(store, "big file");
        var count = TrackedObjects.RowsPerTransaction + 7;
        var objects = Enumerable.Range(0, count).Select(i => new TrackedObject("A-" + i.ToString(CultureInfo.InvariantCulture), (ulong)i, null));

        // When they are upserted
        var written = store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, objects);

        // Then every one is tracked, each with its own hash
        Assert.Equal(count, written);
        var index = store.Tracked.LoadIndex(CrmObjectType.Account);
        Assert.Equal(count, index.Count);
        Assert.Equal(TrackedLookup.Unchanged, index.Check(ObjectKey.Of("A-" + (count - 1).ToString(CultureInfo.InvariantCulture)), (ulong)(count - 1)));
    }

    [Fact]
    public void Upsert_UploadNotInTheLedger_IsRefused()
    {
        using var store = _folder.Open();
        var refused = Assert.Throws<InvalidOperationException>(() => store.Tracked.Upsert(CrmObjectType.Account, "ACCOUNT-none", [Tracked("A-1")]));
        Assert.Contains("not in the ledger", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotSeen_ExportWithoutSomeTrackedObjects_ListsExactlyThoseOfTheType()
    {
        // Given five tracked accounts and one tracked contact
        using var store = _folder.Open();
        var upload = PlanUpload(store, "file-1");
        store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, new[] { "A-1", "A-2", "A-3", "A-4", "A-5" }.Select(Tracked));
        store.Tracked.Upsert(CrmObjectType.Contact, upload.ClientRequestId, [Tracked("C-1")]);

        // When this run's export holds A-1 unchanged, A-2 edited, A-4 rejected by validation, and a new A-9
        var index = store.Tracked.LoadIndex(CrmObjectType.Account);
        Check(index, Account("A-1"));
        Check(index, Account("A-2", name: "Renamed"));
        index.MarkSeen(ObjectKey.Of("A-4"));
        Check(index, Account("A-9"));

        // Then mirror mode would delete, and nothing else
        Assert.Equal(["A-3", "A-5"], store.Tracked.NotSeen(CrmObjectType.Account, index).ToList());
        Assert.Equal(2, index.Count - index.SeenCount);
    }

    [Fact]
    public void Remove_DeletedObjects_AreForgotten()
    {
        // Given three tracked accounts
        using var store = _folder.Open();
        var upload = PlanUpload(store, "file-1");
        store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, new[] { "A-1", "A-2", "A-3" }.Select(Tracked));

        // When Gong accepted the deletes of two of them
        var removed = store.Tracked.Remove(CrmObjectType.Account, ["A-1", "A-3", "A-404"]);

        // Then only A-2 is still tracked
        Assert.Equal(2, removed);
        Assert.Equal(new TrackedCount(CrmObjectType.Account, 1), Assert.Single(store.Tracked.CountByType()));
        Assert.NotNull(store.Tracked.HashOf(CrmObjectType.Account, "A-2"));
    }

    [Fact]
    public void LoadIndex_FromItsSnapshot_AnswersAsTheTableDoes()
    {
        // Given 1,000 tracked accounts whose snapshot was written
        using var store = _folder.Open();
        var upload = PlanUpload(store, "file-1");
        store.Tracked.Upsert(CrmObjectType.Account, upload.ClientRequestId, Enumerable.Range(0, 1_000).Select(i => Tracked("A-" + i.ToString(CultureInfo.InvariantCulture))));
        var fromTable = store.Tracked.LoadIndex(CrmObjectType.Account);
        store.Tracked.RefreshIndexes();

        // When the index is loaded from the snapshot
        var fromSnapshot = store.Tracked.LoadIndex(CrmObjectType.Account);

        // Then it holds the same entries
        Assert.True(SnapshotExists(store, "ACCOUNT"));
        Assert.Equal(fromTable.Entries.ToArray(), fromSnapshot.Entries.ToArray());
    }

    [Fact]
    public void Upsert_AfterASnapshot_DropsItSoTheChangeIsNeverMissed()
    {
        // Given a snapshot of A-1 as first accepted
        using var store = _folder.Open();
        var first = PlanUpload(store, "file-1");
        store.Tracked.Upsert(CrmObjectType.Account, first.ClientRequestId, [Tracked("A-1")]);
        store.Tracked.Upsert(CrmObjectType.Contact, first.ClientRequestId, [Tracked("C-1")]);
        store.Tracked.RefreshIndexes();

        // When Gong accepts an edited A-1 (and the run dies before refreshing the snapshot)
        var second = PlanUpload(store, "file-2");
        store.Tracked.Upsert(CrmObjectType.Account, second.ClientRequestId, [AcceptedRecords.ToTracked(Account("A-1", name: "Edited"))]);

        // Then the accounts' snapshot is gone (the contacts' stays) and the index reflects the edit
        Assert.False(SnapshotExists(store, "ACCOUNT"));
        Assert.True(SnapshotExists(store, "CONTACT"));
        Assert.Equal(TrackedLookup.Unchanged, Check(store.Tracked.LoadIndex(CrmObjectType.Account), Account("A-1", name: "Edited")));
        store.Tracked.Remove(CrmObjectType.Contact, ["C-1"]);
        Assert.False(SnapshotExists(store, "CONTACT"));
        Assert.Equal(0, store.Tracked.LoadIndex(CrmObjectType.Contact).Count);
    }

    private static bool SnapshotExists(StateStore store, string type) => store.Database.Read(connection =>
        StateDatabase.Scalar(connection, null, "SELECT count(*) FROM tracked_index WHERE object_type = $type", ("$type", type)) is 1L);

    private static TrackedObject Tracked(string objectId) => AcceptedRecords.ToTracked(Account(objectId));

    private static TrackedLookup Check(TrackedObjectIndex index, byte[] record) =>
        index.Check(ObjectKey.Of(AcceptedRecords.ToTracked(record).ObjectId), RecordContentHash.Of(record));

    public void Dispose() => _folder.Dispose();
}
