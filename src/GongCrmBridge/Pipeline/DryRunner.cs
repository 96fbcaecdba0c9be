using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Reporting;
using GongCrmBridge.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Pipeline;

/// <summary>Runs a job without Gong (<c>validate</c>, <c>sync --dry-run</c>): reads, maps, validates and batches every
/// export, writes the report, and makes not one network call.</summary>
public sealed class DryRunner
{
    private readonly ILogger _logger;
    private readonly string? _stateDirectory;

    /// <summary>Initializes a new instance of the <see cref="DryRunner"/> class.</summary>
    /// <param name="logger">Where the run logs.</param>
    /// <param name="stateDirectory">The job's state folder: when a state is there, the dry run counts the records a
    /// sync would find unchanged and prints the plan against today's calls. It never creates nor writes a state.</param>
    public DryRunner(ILogger? logger = null, string? stateDirectory = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _stateDirectory = stateDirectory;
    }

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
        using var store = _stateDirectory is not null && StateStore.Exists(_stateDirectory) ? StateStore.Open(_stateDirectory, options.TimeProvider) : null;
        var filter = store is null ? null : new IncrementalFilter(store.Tracked.LoadIndex, sendAll: false);
        var build = new BuildStage(job, options, _logger, progress, filter);
        return await ReportedRun.ExecuteAsync(
            job,
            options,
            "dry-run",
            _logger,
            (_, rejections) => build.RunAsync(rejections, cancellationToken),
            summary =>
            {
                Tally(summary, job, build);
                if (store is null)
                {
                    // No state yet: no call of this job counted today, the whole budget is left as far as it knows.
                    summary.DailyBudgetLeft = job.Options.DailyCallBudget;
                }
                else if (build.Result is { } built)
                {
                    // SPEC.md: validate prints the plan and today's budget left.
                    summary.Plan = built.Plan.WithLeftovers(store.Uploads.Unfinished().Count);
                    summary.ApiCallsToday = store.Calls.UsedToday();
                    summary.DailyBudgetLeft = Math.Max(0, job.Options.DailyCallBudget - summary.ApiCallsToday.Value);
                }
            },
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
                (counts.Read, counts.Valid, counts.Rejected, counts.Unchanged, counts.Skipped) = (partial.Read, partial.Valid, partial.Rejected, partial.Unchanged, partial.Skipped);
            }

            return;
        }

        foreach (var export in built.Exports)
        {
            var counts = summary.For(export.Export.Type.ToWireName());
            counts.Read += export.Read;
            counts.Valid += export.Valid;
            counts.Rejected += export.Rejected;
            counts.Unchanged += export.Unchanged;
            counts.Skipped += export.Skipped;
            counts.Merged += export.Merged;
            counts.Files += export.Files.Count;
        }

        summary.Plan = built.Plan;
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
