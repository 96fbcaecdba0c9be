namespace GongCrmBridge.Pipeline;

/// <summary>Passes the Gong client's "an HTTP attempt was made" on to the state's daily counter.</summary>
/// <remarks>The client is built (with <c>GongClientOptions.AttemptMade = relay.Count</c>) before the run opens its
/// state; the run connects the relay once the state is open and disconnects it when the state closes.</remarks>
public sealed class CallCounterRelay
{
    private Action? _target;

    /// <summary>Counts one attempt (thread-safe; nothing happens while no state is connected).</summary>
    public void Count() => Volatile.Read(ref _target)?.Invoke();

    internal void Connect(Action? target) => Volatile.Write(ref _target, target);
}
