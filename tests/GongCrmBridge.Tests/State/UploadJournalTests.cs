using GongCrmBridge.Gong.Models;
using GongCrmBridge.State;
using Microsoft.Extensions.Time.Testing;
using static GongCrmBridge.Tests.State.StateTestKit;

namespace GongCrmBridge.Tests.State;

/// <summary>The upload ledger: rows committed before the call, content-derived ids, resume queries.</summary>
public sealed class UploadJournalTests : IDisposable
{
    private readonly TempStateFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Plan_NewFile_CommitsAPlannedRowNamedByTheContent()
    {
        // Given a state
        using var store = _folder.Open(_clock);

        // When an upload is planned
        var planned = PlanUpload(store, "{\"objectId\":\"A-1\"}\n", records: 1);

        // Then its row is in the database, visible to another connection, with an id made of type and digest
        using var other = _folder.Open(_clock);
        var row = other.Uploads.Find(planned.ClientRequestId);
        Assert.NotNull(row);
        Assert.Equal(UploadState.Planned, row.State);
        Assert.Equal("ACCOUNT-" + FileDigest.Of("{\"objectId\":\"A-1\"}\n"u8), row.ClientRequestId);
        Assert.Equal(RunId, row.RunId);
        Assert.Equal(_clock.GetUtcNow(), row.PlannedAt);
        Assert.Matches("^[A-Za-z0-9_-]{1,64}$", row.ClientRequestId);
    }

    [Fact]
    public void Plan_SameContentStillUnfinished_ReturnsTheSameIdTakenOverByTheNewRun()
    {
        // Given an upload sent by a run that then died
        using var store = _folder.Open(_clock);
        var first = PlanUpload(store, "content-1");
        store.Uploads.MarkSent(first.ClientRequestId);

        // When the next run rebuilds the same file
        var again = PlanUpload(store, "content-1", runId: "run-2");

        // Then it gets the same id (Gong will answer 409: poll it) and the row now belongs to the new run
        Assert.Equal(first.ClientRequestId, again.ClientRequestId);
        Assert.Equal(UploadState.Sent, again.State);
        Assert.Equal("run-2", store.Uploads.Find(first.ClientRequestId)?.RunId);
        Assert.Single(store.Uploads.Unfinished());
    }

    [Fact]
    public void Plan_SameContentAfterItsUploadEnded_GetsANewNumberedId()
    {
        // Given content Gong processed in an earlier run
        using var store = _folder.Open(_clock);
        var first = PlanUpload(store, "content-1");
        store.Uploads.MarkSent(first.ClientRequestId);
        store.Uploads.MarkFinished(first.ClientRequestId, RequestState.Done, 1, 0);

        // When the very same bytes are sent again, twice
        var second = PlanUpload(store, "content-1", runId: "run-2");
        store.Uploads.MarkSent(second.ClientRequestId);
        store.Uploads.MarkFinished(second.ClientRequestId, RequestState.Done, 1, 0);
        var third = PlanUpload(store, "content-1", runId: "run-3");

        // Then each is a new upload with its own id (Gong would refuse a reused one with 409)
        Assert.Equal(first.ClientRequestId + "-2", second.ClientRequestId);
        Assert.Equal(first.ClientRequestId + "-3", third.ClientRequestId);
        Assert.Equal(UploadState.Planned, third.State);
    }

    [Fact]
    public void MarkFinished_RoundTrip_KeepsGongsCountsAndTimes()
    {
        // Given a planned upload
        using var store = _folder.Open(_clock);
        var upload = PlanUpload(store, "content-1", records: 25);

        // When Gong takes it, then reports it DONE with errors
        _clock.Advance(TimeSpan.FromSeconds(2));
        store.Uploads.MarkSent(upload.ClientRequestId);
        var sentAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(30));
        store.Uploads.MarkFinished(upload.ClientRequestId, RequestState.Done, 23, 2);

        // Then the ledger holds all of it
        var row = store.Uploads.Find(upload.ClientRequestId)!;
        Assert.Equal(UploadState.Accepted, row.State);
        Assert.Equal(("DONE", 23, 2, 25), (row.GongStatus, row.SuccessCount, row.ErrorCount, row.RecordCount));
        Assert.Equal(sentAt, row.SentAt);
        Assert.Equal(_clock.GetUtcNow(), row.FinishedAt);
        Assert.False(row.IsUnfinished);
    }

    [Fact]
    public void Unfinished_AfterARunThatStopped_ListsPlannedSentAndPendingInPlanOrder()
    {
        // Given one upload of each kind
        using var store = _folder.Open(_clock);
        var done = PlanUpload(store, "done");
        store.Uploads.MarkSent(done.ClientRequestId);
        store.Uploads.MarkFinished(done.ClientRequestId, RequestState.Done, 1, 0);
        var failed = PlanUpload(store, "failed");
        store.Uploads.MarkSent(failed.ClientRequestId);
        store.Uploads.MarkFinished(failed.ClientRequestId, RequestState.Failed, 0, 1);
        var pending = PlanUpload(store, "pending");
        store.Uploads.MarkSent(pending.ClientRequestId);
        store.Uploads.MarkPending(pending.ClientRequestId);
        var sent = PlanUpload(store, "sent");
        store.Uploads.MarkSent(sent.ClientRequestId);
        var planned = PlanUpload(store, "planned");
        var abandoned = PlanUpload(store, "abandoned");
        store.Uploads.MarkAbandoned(abandoned.ClientRequestId);

        // When the next run asks what to finish
        var unfinished = store.Uploads.Unfinished();

        // Then it gets the three that Gong may have and whose outcome is unknown, in the order they were planned
        Assert.Equal(
            new[] { (pending.ClientRequestId, UploadState.Pending), (sent.ClientRequestId, UploadState.Sent), (planned.ClientRequestId, UploadState.Planned) },
            unfinished.Select(u => (u.ClientRequestId, u.State)));
        Assert.Equal(6, store.Uploads.OfRun(RunId).Count);
    }

    [Fact]
    public void MarkAbandoned_UploadAlreadySent_IsRefused()
    {
        // Given an upload Gong has
        using var store = _folder.Open(_clock);
        var upload = PlanUpload(store, "content-1");
        store.Uploads.MarkSent(upload.ClientRequestId);

        // When a run tries to abandon it, Then the ledger refuses: Gong has it, its outcome must be polled
        var refused = Assert.Throws<InvalidOperationException>(() => store.Uploads.MarkAbandoned(upload.ClientRequestId));
        Assert.Contains("is Sent", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => store.Uploads.MarkSent("ACCOUNT-unknown"));
    }

    [Fact]
    public void Plan_ErrorRound_RecordsItsParent()
    {
        // Given a file's first upload
        using var store = _folder.Open(_clock);
        var first = PlanUpload(store, "all lines");

        // When the file is sent again without the lines Gong named
        var round = store.Uploads.Plan(RunId, CrmObjectType.Account, FileDigest.Of("fewer lines"u8), 1, 11, "/reports/r/batches/account-0001.ldjson.r1.ldjson", first.ClientRequestId);

        // Then the round is its own upload, tied to the first
        Assert.NotEqual(first.ClientRequestId, round.ClientRequestId);
        Assert.Equal(first.ClientRequestId, store.Uploads.Find(round.ClientRequestId)?.ParentRequestId);
        Assert.Equal("/reports/r/batches/account-0001.ldjson.r1.ldjson", store.Uploads.Find(round.ClientRequestId)?.FilePath);
    }

    [Fact]
    public async Task Plan_ProcessKilledRightAfter_RowSurvivesForTheNextRun()
    {
        // Given a process that committed its ledger row and is killed (SIGKILL) before it could do anything else
        var digest = FileDigest.Of("the file's bytes"u8);
        string clientRequestId;
        using (var probe = await StateProbe.StartAsync("plan-upload", _folder.Path, digest))
        {
            clientRequestId = probe.FirstLine["planned ".Length..];
            await probe.KillAsync();
        }

        // When the next run opens the state
        using var store = _folder.Open(_clock);

        // Then the row is there, unfinished, and the same file gets the same id
        var row = Assert.Single(store.Uploads.Unfinished());
        Assert.Equal((clientRequestId, UploadState.Planned, digest), (row.ClientRequestId, row.State, row.FileDigest));
        Assert.NotNull(store.Runs.Find("probe-run"));
        Assert.Null(store.Runs.Find("probe-run")?.FinishedAt);
        store.Runs.Start(new RunStart("run-2", "/jobs/probe.yaml", "upsert", Full: false));
        var resumed = store.Uploads.Plan("run-2", CrmObjectType.Account, digest, 3, 300, "/reports/run-2/batches/account-0001.ldjson");
        Assert.Equal(clientRequestId, resumed.ClientRequestId);
        Assert.Equal("/reports/run-2/batches/account-0001.ldjson", store.Uploads.Find(clientRequestId)?.FilePath);
    }

    public void Dispose() => _folder.Dispose();
}
