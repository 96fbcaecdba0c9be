namespace GongCrmBridge.Pipeline;

/// <summary>Where a run writes and how it is identified.</summary>
public sealed record RunOptions
{
    /// <summary>Gets the run id. The default value is a new UTC-timestamped id.</summary>
    public string RunId { get; init; } = NewRunId(TimeProvider.System);

    /// <summary>Gets the folder that receives <c>summary.json</c> and <c>rejections.csv</c>.</summary>
    public required string ReportDirectory { get; init; }

    /// <summary>Gets the folder for the LDJSON files. The default value is <c>batches/</c> inside the report folder.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Gets how many chunks are mapped at once. The default value is the number of processors.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets the clock. The default value is the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the LDJSON folder actually used.</summary>
    public string BatchDirectory => WorkDirectory ?? Path.Combine(ReportDirectory, "batches");

    /// <summary>Returns a new run id such as <c>20261125T140312Z-3f9a</c>: sortable, unique enough, safe in a path
    /// and in a clientRequestId.</summary>
    public static string NewRunId(TimeProvider clock) =>
        (clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2));
}
