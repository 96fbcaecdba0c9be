namespace GongCrmBridge;

/// <summary>The process exit codes of SPEC.md, for schedulers.</summary>
public static class ExitCodes
{
    /// <summary>Every record accepted (or unchanged); on a dry run, every record valid.</summary>
    public const int Success = 0;

    /// <summary>The run failed: Gong unreachable after retries, FAILED with no successes, an internal error.</summary>
    public const int Failed = 1;

    /// <summary>Usage or configuration error; nothing was sent.</summary>
    public const int Configuration = 2;

    /// <summary>The run finished but some records were rejected.</summary>
    public const int Rejected = 3;

    /// <summary>Stopped by Ctrl+C (or SIGTERM); what was done is reported.</summary>
    public const int Cancelled = 130;
}
