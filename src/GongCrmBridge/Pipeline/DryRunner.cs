using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Reporting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Pipeline;

/// <summary>Runs a job without Gong (<c>validate</c>, <c>sync --dry-run</c>): reads, maps, validates and batches every
/// export, writes the report, and makes not one network call.</summary>
public sealed class DryRunner
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="DryRunner"/> class.</summary>
    public DryRunner(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    /// <summary>Runs <paramref name="job"/> and returns the report it wrote (exit code 0 when every record is valid, 3 when
    /// some were rejected, 130 when cancelled).</summary>
    public async Task<RunSummary> RunAsync(
        JobDefinition job,
        RunOptions options,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        var build = new BuildStage(job, options, _logger, progress);
        return await ReportedRun.ExecuteAsync(
            job,
            options,
            "dry-run",
            _logger,
            (_, rejections) => build.RunAsync(rejections, cancellationToken),
            summary => Tally(summary, job, build),
            cancellationToken).ConfigureAwait(false);
    }

    private static void Tally(RunSummary summary, JobDefinition job, BuildStage build)
    {
        foreach (var export in job.Objects)
        {
            summary.For(export.Type.ToWireName()).Valid ??= 0;
        }

        if (build.Result is not { } built)
        {
            foreach (var partial in build.CountsSoFar)
            {
                var counts = summary.For(partial.ObjectType.ToWireName());
                (counts.Read, counts.Valid, counts.Rejected) = (partial.Read, partial.Valid, partial.Rejected);
            }

            return;
        }

        foreach (var export in built.Exports)
        {
            var counts = summary.For(export.Export.Type.ToWireName());
            counts.Read += export.Read;
            counts.Valid += export.Valid;
            counts.Rejected += export.Rejected;
            counts.Skipped += export.Skipped;
            counts.Merged += export.Merged;
            counts.Files += export.Files.Count;
        }

        foreach (var warning in built.Warnings)
        {
            summary.Warnings.Add(warning);
        }

        if (summary.ExitCode == ExitCodes.Success && built.Exports.Any(e => e.Rejected > 0))
        {
            summary.ExitCode = ExitCodes.Rejected;
        }
    }
}
