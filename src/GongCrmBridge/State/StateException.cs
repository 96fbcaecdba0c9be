namespace GongCrmBridge.State;

/// <summary>The state folder cannot be used: a newer gongbridge wrote it, it is not a state database, or it is damaged.
/// The message names the folder and what to do; it never holds record content.</summary>
public class StateException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StateException"/> class.</summary>
    public StateException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StateException"/> class.</summary>
    public StateException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StateException"/> class.</summary>
    public StateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
