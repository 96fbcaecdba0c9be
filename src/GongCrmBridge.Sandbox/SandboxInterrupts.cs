namespace GongCrmBridge.Sandbox;

/// <summary>Where a call stands when a test's hook sees it.</summary>
internal enum CallMoment
{
    /// <summary>Authorized and within the rate limit, not processed yet (an upload is not stored).</summary>
    Received,

    /// <summary>Processed (an upload is stored), its answer not written yet.</summary>
    Processed,
}

/// <summary>Interruptions for tests of runs that crash or meet an outage: a hook called at fixed points of every call
/// (a test kills the client process there, at an exact point of its run), and an outage window during which every
/// call is answered 503, measured on <see cref="SandboxOptions.TimeProvider"/>.</summary>
/// <remarks>Kept apart from <see cref="SandboxFaults"/> (one-shot faults per route): these are time- and
/// sequence-driven, for whole-run tests.</remarks>
internal sealed class SandboxInterrupts
{
    private Func<SandboxRoute, CallMoment, Task>? _hook;
    private long _downUntilUtcTicks;

    /// <summary>Calls <paramref name="hook"/> at each <see cref="CallMoment"/> of every call, which waits for it;
    /// null removes it.</summary>
    public void OnCall(Func<SandboxRoute, CallMoment, Task>? hook) => Volatile.Write(ref _hook, hook);

    /// <summary>Answers every call with 503 from now until <paramref name="duration"/> has passed on
    /// <paramref name="clock"/>.</summary>
    public void OutageFor(TimeSpan duration, TimeProvider clock) =>
        Interlocked.Exchange(ref _downUntilUtcTicks, (clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow().Add(duration).UtcTicks);

    /// <summary>Ends the outage window at once.</summary>
    public void EndOutage() => Interlocked.Exchange(ref _downUntilUtcTicks, 0);

    internal bool IsDown(TimeProvider clock) => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _downUntilUtcTicks);

    internal Task AtAsync(SandboxRoute route, CallMoment moment) => Volatile.Read(ref _hook)?.Invoke(route, moment) ?? Task.CompletedTask;
}
