namespace GongCrmBridge;

/// <summary>The run cannot go on (exit code 1): Gong is unreachable after retries, refuses the job's integration,
/// or a request never finished. The message says what happened and what to do; it never holds credentials or CRM data.</summary>
public sealed class SyncFailedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SyncFailedException"/> class.</summary>
    public SyncFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SyncFailedException"/> class with its cause.</summary>
    public SyncFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
