using GongCrmBridge.Jobs;
using GongCrmBridge.Reporting;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Pipeline;

/// <summary>The first step of every run: build the batches of the job, keeping the counts of a run stopped midway.</summary>
internal sealed class BuildStage(
    JobDefinition job, RunOptions run, ILogger logger, IProgress<PipelineProgress>? progress, IncrementalFilter? incremental = null)
{
    private readonly ProgressTally _tally = new(progress);

    /// <summary>Gets the batches, once every export is read.</summary>
    public BuildResult? Result { get; private set; }

    /// <summary>Gets the counts per object type so far: all there is when the run stopped before <see cref="Result"/>.</summary>
    public IReadOnlyCollection<PipelineProgress> CountsSoFar => _tally.Latest;

    public async Task<BuildResult> RunAsync(RejectionsCsvWriter rejections, CancellationToken cancellationToken)
    {
        BatchFolder.ThrowIfLinked(run.BatchDirectory);
        var builder = new BatchBuilder(
            new BatchBuilderOptions
            {
                WorkDirectory = run.BatchDirectory,
                Parallelism = run.Parallelism,
                RunStartedAt = run.TimeProvider.GetUtcNow(),
                Incremental = incremental,
            },
            logger);
        Result = await builder.BuildAsync(job, rejections, _tally, cancellationToken).ConfigureAwait(false);
        return Result;
    }
}
