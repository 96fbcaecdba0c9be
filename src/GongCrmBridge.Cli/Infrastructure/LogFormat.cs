namespace GongCrmBridge.Cli.Infrastructure;

/// <summary>How log lines are written.</summary>
internal enum LogFormat
{
    /// <summary>Human-readable lines.</summary>
    Text,

    /// <summary>One compact JSON object per line (Serilog CLEF), for schedulers and log shippers.</summary>
    Json,
}
