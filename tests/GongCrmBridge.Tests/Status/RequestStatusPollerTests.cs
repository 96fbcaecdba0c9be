using System.Text.Json;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Status;
using GongCrmBridge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Tests.Status;

/// <summary>The poller's timing, on a fake clock: no test waits for real.</summary>
public sealed class RequestStatusPollerTests
{
    private static readonly PollingOptions Options = new()
    {
        FirstDelay = TimeSpan.FromSeconds(2),
        Growth = 2,
        MaxDelay = TimeSpan.FromSeconds(10),
        Timeout = TimeSpan.FromHours(1),
    };

    private readonly TestClock _time = new();
    private readonly ScriptedClient _client;

    public RequestStatusPollerTests() => _client = new ScriptedClient(_time);

    private static RequestStatus Status(RequestState state, int? errors = null, int? successes = null, params RequestError[] lines) =>
        new(state, lines, errors, successes, "req-1");

    private RequestStatusPoller Poller(PollingOptions? options = null) =>
        new(_client, options ?? Options, _time, NullLogger.Instance);

    [Fact]
    public async Task WaitAsync_StillInProgress_WaitsGrowByFactorUpToMaxDelay()
    {
        // Given an upload that is PENDING, then IN_PROGRESS three times, then DONE
        _client.Script(
            () => Status(RequestState.Pending),
            () => Status(RequestState.InProgress),
            () => Status(RequestState.InProgress),
            () => Status(RequestState.InProgress),
            () => Status(RequestState.Done, 0, 7));

        // When the poller waits for it
        var waiting = Poller().WaitAsync(42, "run-ACCOUNT-001", CancellationToken.None);

        // Then the waits are 2 s, ×2 each time, capped at 10 s, and it returns Gong's final status
        foreach (var seconds in new[] { 2, 4, 8, 10, 10 })
        {
            await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(seconds));
        }

        var status = await waiting.WaitAsync(TestClock.HangLimit);
        Assert.Equal((RequestState.Done, 7), (status.Status, status.TotalSuccessCount));
        Assert.Equal([2, 6, 14, 24, 34], _client.PollSeconds);
        Assert.All(_client.Calls, c => Assert.Equal((42L, "run-ACCOUNT-001"), c));
    }

    [Fact]
    public async Task WaitAsync_Failed_ReturnsAtOnceWithErrors()
    {
        // Given an upload Gong fails at the second poll
        _client.Script(
            () => Status(RequestState.InProgress),
            () => Status(RequestState.Failed, 1, 4, new RequestError(3, "bad email")));

        // When the poller waits for it
        var waiting = Poller().WaitAsync(42, "run-CONTACT-001", CancellationToken.None);
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(2));
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(4));

        // Then FAILED is final: it is returned with its errors, and no further poll is made
        var status = await waiting.WaitAsync(TestClock.HangLimit);
        Assert.Equal(RequestState.Failed, status.Status);
        Assert.Equal(new RequestError(3, "bad email"), Assert.Single(status.Errors));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, _client.PollSeconds.Count);
    }

    [Fact]
    public async Task WaitAsync_DoneAtFirstPoll_PollsOnceAfterFirstDelay()
    {
        _client.Script(() => Status(RequestState.Done, 0, 1));

        var waiting = Poller().WaitAsync(42, "run-STAGE-001", CancellationToken.None);
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(2));

        Assert.Equal(RequestState.Done, (await waiting.WaitAsync(TestClock.HangLimit)).Status);
        Assert.Equal([2], _client.PollSeconds);
    }

    [Fact]
    public async Task WaitAsync_NeverFinishes_ThrowsSyncFailedNamingTheRequestAfterTimeout()
    {
        // Given an upload that stays IN_PROGRESS and a 20 s timeout
        _client.Script();
        var waiting = Poller(Options with { Timeout = TimeSpan.FromSeconds(20) })
            .WaitAsync(42, "run-DEAL-003", CancellationToken.None);

        // When polls at 2, 6 and 14 s see it unfinished, and the last one, at the deadline (20 s, not 14 + 10), too
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(2));
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(4));
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(8));
        Assert.False(waiting.IsCompleted);
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(6));

        // Then the run fails, naming the upload and how to check it later
        var failure = await Assert.ThrowsAsync<SyncFailedException>(() => waiting.WaitAsync(TestClock.HangLimit));
        Assert.Contains("run-DEAL-003", failure.Message, StringComparison.Ordinal);
        Assert.Contains("was still InProgress after 0:00:20", failure.Message, StringComparison.Ordinal);
        Assert.Contains("gongbridge status --client-request-id run-DEAL-003", failure.Message, StringComparison.Ordinal);
        Assert.Equal([2, 6, 14, 20], _client.PollSeconds);
    }

    [Fact]
    public async Task WaitAsync_PollStillRetryingAtTheDeadline_IsCutOffAfterTheGrace()
    {
        // Given Gong down: a poll never answers (the client keeps backing off), and a 20 s timeout
        _client.HangsUntilCancelled = true;
        var started = _time.GetUtcNow();
        var waiting = Poller(Options with { Timeout = TimeSpan.FromSeconds(20) }).WaitAsync(42, "run-DEAL-004", CancellationToken.None);

        // When time runs on
        var failure = await Assert.ThrowsAsync<SyncFailedException>(() => _time.RunAsync(waiting));

        // Then the poll started at 2 s is cut off at the deadline plus the grace, and the run fails saying Gong did not answer
        Assert.Equal([2], _client.PollSeconds);
        Assert.Equal(TimeSpan.FromSeconds(20) + RequestStatusPoller.PollGrace, _time.GetUtcNow() - started);
        Assert.Contains("run-DEAL-004 got no answer from Gong's status polls after 0:00:25", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_RateLimitedPoll_WaitsRetryAfterThenPollsAgain()
    {
        // Given a status call that is rate limited once with Retry-After 30 s
        _client.Script(
            () => throw new GongRateLimitedException("GET /v2/crm/request-status", "r", ["slow down"], TimeSpan.FromSeconds(30)),
            () => Status(RequestState.Done, 0, 5));

        // When the poller waits
        var waiting = Poller().WaitAsync(42, "run-LEAD-001", CancellationToken.None);
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(2));

        // Then it does not fail: it waits the 30 s Gong asked for, then its next (grown) delay, and polls again
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(30), polls: false);
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(4));
        Assert.Equal(RequestState.Done, (await waiting.WaitAsync(TestClock.HangLimit)).Status);
        Assert.Equal([2, 36], _client.PollSeconds);
    }

    [Fact]
    public async Task WaitAsync_RateLimitedWithoutRetryAfter_WaitsMaxDelay()
    {
        _client.Script(
            () => throw new GongRateLimitedException("GET /v2/crm/request-status", "r", null, retryAfter: null),
            () => Status(RequestState.Done, 0, 5));

        var waiting = Poller().WaitAsync(42, "run-LEAD-002", CancellationToken.None);
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(2));
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(10), polls: false);
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(4));

        Assert.Equal(RequestState.Done, (await waiting.WaitAsync(TestClock.HangLimit)).Status);
    }

    [Fact]
    public async Task WaitAsync_OtherGongError_Propagates()
    {
        _client.Script(() => throw new GongApiException("GET /v2/crm/request-status", 404, "r", ["unknown clientRequestId"]));

        var waiting = Poller().WaitAsync(42, "run-LEAD-003", CancellationToken.None);
        await ExpectPollAfterAsync(waiting, TimeSpan.FromSeconds(2));

        var failure = await Assert.ThrowsAsync<GongApiException>(() => waiting.WaitAsync(TestClock.HangLimit));
        Assert.Equal(404, failure.StatusCode);
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_ThrowsOperationCanceledWithoutPolling()
    {
        // Given a poller waiting for its first poll
        _client.Script();
        using var stop = new CancellationTokenSource();
        var waiting = Poller().WaitAsync(42, "run-ACCOUNT-009", stop.Token);
        await _time.WhenWaitingAsync();

        // When the user stops the run
        await stop.CancelAsync();

        // Then the wait ends at once and Gong is not asked
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TestClock.HangLimit));
        Assert.Empty(_client.PollSeconds);
    }

    [Fact]
    public void Constructor_GrowthBelowOne_ThrowsNamingTheOption()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Poller(Options with { Growth = 0.5 }));
        Assert.Equal("Growth", thrown.ParamName);
    }

    /// <summary>Once the poller is parked on a timer, checks that it is its only wait and exactly <paramref name="wait"/>
    /// long; moves time by that much, waits until the poller parks on its next timer or returns, and checks whether
    /// the wait ended in a poll.</summary>
    private async Task ExpectPollAfterAsync(Task running, TimeSpan wait, bool polls = true)
    {
        await _time.WhenWaitingAsync();
        Assert.Equal([wait], _time.PendingWaits);
        Assert.False(running.IsCompleted);
        var timers = _time.TimersCreated;
        var pollCount = _client.PollSeconds.Count;

        _time.Advance(wait);
        await _time.UntilAsync(() => running.IsCompleted || _time.TimersCreated > timers, running);
        Assert.Equal(pollCount + (polls ? 1 : 0), _client.PollSeconds.Count);
    }

    /// <summary>Answers request-status from a script (then IN_PROGRESS forever) and stamps every poll.
    /// Nothing else of the client is used by the poller.</summary>
    private sealed class ScriptedClient(TimeProvider time) : IGongCrmClient
    {
        private readonly DateTimeOffset _start = time.GetUtcNow();
        private readonly Queue<Func<RequestStatus>> _script = new();
        private readonly List<int> _pollSeconds = [];

        public GongCrmBridge.Gong.Api.UsersApi Users => throw new NotSupportedException("The poller never reads users.");

        public List<(long, string)> Calls { get; } = [];

        public IReadOnlyList<int> PollSeconds
        {
            get
            {
                lock (_pollSeconds)
                {
                    return [.. _pollSeconds];
                }
            }
        }

        public long CallsMade => Calls.Count;

        public void Script(params Func<RequestStatus>[] answers)
        {
            foreach (var answer in answers)
            {
                _script.Enqueue(answer);
            }
        }

        /// <summary>Gets or sets whether every poll waits (on the clock, as the client's back-off does) until cancelled.</summary>
        public bool HangsUntilCancelled { get; set; }

        public Task<RequestStatus> GetRequestStatusAsync(long integrationId, string clientRequestId, CancellationToken cancellationToken = default)
        {
            if (HangsUntilCancelled)
            {
                Calls.Add((integrationId, clientRequestId));
                lock (_pollSeconds)
                {
                    _pollSeconds.Add((int)(time.GetUtcNow() - _start).TotalSeconds);
                }

                return HangAsync(cancellationToken);
            }

            var answer = _script.Count > 0 ? _script.Dequeue() : () => new RequestStatus(RequestState.InProgress, [], null, null, "r");
            Calls.Add((integrationId, clientRequestId));
            try
            {
                return Task.FromResult(answer());
            }
#pragma warning disable CA1031 // not swallowed: a scripted failure comes back as a faulted task, as from the real client
            catch (Exception exception)
#pragma warning restore CA1031
            {
                return Task.FromException<RequestStatus>(exception);
            }
            finally
            {
                lock (_pollSeconds)
                {
                    var elapsed = time.GetUtcNow() - _start;
                    _pollSeconds.Add((int)elapsed.TotalSeconds);
                    Assert.Equal(0, elapsed.Ticks % TimeSpan.TicksPerSecond);
                }
            }
        }

        private async Task<RequestStatus> HangAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromHours(1), time, cancellationToken);
            throw new InvalidOperationException("The hour-long hang ended without the poller cutting it off.");
        }

        public Task<IReadOnlyList<CrmIntegration>> ListIntegrationsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CrmIntegration> RegisterIntegrationAsync(string name, string ownerEmail, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<UploadReceipt> DeleteIntegrationAsync(long integrationId, string clientRequestId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task UploadSchemaAsync(long integrationId, CrmObjectType type, IReadOnlyList<CrmSchemaField> fields, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<CrmSchemaField>> GetSchemaAsync(long integrationId, CrmObjectType type, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<UploadReceipt> UploadEntitiesAsync(long integrationId, CrmObjectType type, string clientRequestId, string filePath, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, JsonElement?>> GetObjectsAsync(long integrationId, CrmObjectType type, IReadOnlyList<string> objectIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
