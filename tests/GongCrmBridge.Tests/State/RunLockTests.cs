using GongCrmBridge.State;
using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Tests.State;

/// <summary>One sync per state: the OS lock on sync.lock, with real processes holding it and being killed.</summary>
public sealed class RunLockTests : IDisposable
{
    private readonly TempStateFolder _folder = new();

    [Fact]
    public void AcquireRunLock_HeldInThisProcess_SecondIsRefusedNamingTheHolder()
    {
        // Given a sync holding the state's lock
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.Zero));
        using var first = _folder.Open(clock);
        using var held = first.AcquireRunLock("run-1");

        // When a second sync of the same state tries
        using var second = _folder.Open(clock);
        var refused = Assert.Throws<StateLockedException>(() => second.AcquireRunLock("run-2"));

        // Then it is refused with the holder's pid, host, start and run
        Assert.Equal(new LockHolder(Environment.ProcessId, Environment.MachineName, clock.GetUtcNow(), "run-1"), refused.Holder);
        Assert.Contains($"pid {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2024-03-01T02:00:00.000Z", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.Path, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcquireRunLock_AfterRelease_IsTakenWithoutTakeOver()
    {
        // Given a sync that took the lock and released it
        using (var first = _folder.Open())
        using (first.AcquireRunLock("run-1"))
        {
        }

        // When the next sync takes it
        using var next = _folder.Open();
        using var taken = next.AcquireRunLock("run-2");

        // Then nobody was left holding it
        Assert.Null(taken.TakenOverFrom);
        Assert.Equal("run-2", taken.Holder.RunId);
    }

    [Fact]
    public async Task AcquireRunLock_HeldByAnotherProcess_IsRefusedWithThatProcessesPid()
    {
        // Given another process holding the lock
        using var probe = await StateProbe.StartAsync("hold-lock", _folder.Path, "nightly-1");
        Assert.Equal($"locked {probe.ProcessId}", probe.FirstLine);

        // When this process tries
        using var store = _folder.Open();
        var refused = Assert.Throws<StateLockedException>(() => store.AcquireRunLock("nightly-2"));

        // Then the message names the other process
        Assert.Equal(probe.ProcessId, refused.Holder?.ProcessId);
        Assert.Equal("nightly-1", refused.Holder?.RunId);
        Assert.Contains($"pid {probe.ProcessId}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(true, store.Overview().LockHolderAlive);
    }

    [Fact]
    public async Task AcquireRunLock_HolderKilled_IsTakenOverAndTheDeadHolderReported()
    {
        // Given a process that took the lock and was killed with SIGKILL (no chance to release it)
        int deadPid;
        using (var probe = await StateProbe.StartAsync("hold-lock", _folder.Path, "nightly-1"))
        {
            deadPid = probe.ProcessId;
            await probe.KillAsync();
        }

        using var store = _folder.Open();
        Assert.Equal(false, store.Overview().LockHolderAlive);

        // When the next sync takes the lock
        using var taken = store.AcquireRunLock("nightly-2");

        // Then it gets it, and knows whose lock it took over
        Assert.Equal(deadPid, taken.TakenOverFrom?.ProcessId);
        Assert.Equal("nightly-1", taken.TakenOverFrom?.RunId);
        Assert.Equal(Environment.ProcessId, RunLock.ReadHolder(store.Database)?.ProcessId);
    }

    public void Dispose() => _folder.Dispose();
}
