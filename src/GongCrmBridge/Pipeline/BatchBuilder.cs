using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Mapping;
using GongCrmBridge.Reporting;
using GongCrmBridge.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.Pipeline;

/// <summary>How far the pipeline has got with one export.</summary>
/// <param name="ObjectType">The export's object type.</param>
/// <param name="Read">Records read so far.</param>
/// <param name="Valid">Records that passed mapping and validation.</param>
/// <param name="Rejected">Records rejected.</param>
/// <param name="Completed">Whether the export has been read to the end and its files written.</param>
/// <param name="Unchanged">Valid records not written because Gong already has them as they are (a run with a state).</param>
/// <param name="Skipped">Rows the mapping's <c>where</c> left out: counted, so that a run stopped midway still balances.</param>
public sealed record PipelineProgress(CrmObjectType ObjectType, long Read, long Valid, long Rejected, bool Completed, long Unchanged = 0, long Skipped = 0);

/// <summary>The LDJSON files built from one export, and its counts.</summary>
/// <param name="Export">The job's export.</param>
/// <param name="Files">The files, in upload order.</param>
/// <param name="Read">Records read.</param>
/// <param name="Valid">Records written into the files.</param>
/// <param name="Rejected">Records rejected by mapping or validation.</param>
/// <param name="Skipped">Rows the mapping's <c>where</c> left out.</param>
/// <param name="Merged">Records folded into another version of their objectId.</param>
/// <param name="Unchanged">Valid records Gong already has as they are (a run with a state): not written.</param>
internal sealed record BuiltExport(
    JobObject Export, IReadOnlyList<BatchFile> Files, long Read, long Valid, long Rejected, long Skipped = 0, long Merged = 0, long Unchanged = 0);

/// <summary>Everything the pipeline built for a job.</summary>
/// <param name="Exports">One entry per export, in dependency order.</param>
/// <param name="Warnings">The warnings: referential, and what the mapping observed.</param>
internal sealed record BuildResult(IReadOnlyList<BuiltExport> Exports, IReadOnlyList<RunWarning> Warnings)
{
    /// <summary>Gets the calls a sync of these batches expects (SPEC.md: the plan).</summary>
    public Planning.CallPlan Plan => Planning.CallPlan.Of(
        [.. Exports.GroupBy(e => e.Export.Type).Select(g => (g.Key, (IReadOnlyList<BatchFile>)[.. g.SelectMany(e => e.Files)]))],
        Exports.Where(e => e.Export.Mapping.CustomFields.Count > 0).Select(e => e.Export.Type).Distinct().Count());
}

/// <summary>Options of <see cref="BatchBuilder"/>.</summary>
internal sealed record BatchBuilderOptions
{
    /// <summary>Gets the folder that receives the LDJSON files (one sub-folder per object type).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Gets how many chunks are mapped at once. The default value is the number of processors.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets the run's start: the value of <c>value: now</c>.</summary>
    public DateTimeOffset RunStartedAt { get; init; }

    /// <summary>Gets how exports are read (chunk size, record size limit).</summary>
    public SourceReadOptions Read { get; init; } = new();

    /// <summary>Gets the incremental check of a run with a state, or null to write every valid record.</summary>
    public IncrementalFilter? Incremental { get; init; }
}

/// <summary>Runs every export of a job through read → map → validate → batch, in dependency order, without
/// any network call: the result is the set of LDJSON files that a sync uploads.</summary>
internal sealed class BatchBuilder
{
    /// <summary>A megabyte as Gong's "200 MB" means it: 1,000,000 bytes (see <see cref="BatchingOptions.MaxUploadBytes"/>).</summary>
    internal const long BytesPerMegabyte = 1_000_000;

    private readonly BatchBuilderOptions _options;
    private readonly ILogger _logger;
    private readonly string _now;

    /// <summary>Initializes a new instance of the <see cref="BatchBuilder"/> class.</summary>
    public BatchBuilder(BatchBuilderOptions options, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1, nameof(options.Parallelism));
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _now = MappingObservations.NowText(options.RunStartedAt);
    }

    /// <summary>Builds the LDJSON files of every export of <paramref name="job"/>; rejections are streamed into
    /// <paramref name="rejections"/> as they are found.</summary>
    public async Task<BuildResult> BuildAsync(
        JobDefinition job,
        RejectionsCsvWriter rejections,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var references = new ReferenceChecker();
        foreach (var export in job.Objects)
        {
            references.Expect(export.Type);
        }

        var built = new List<BuiltExport>(job.Objects.Count);
        var warnings = new List<RunWarning>();
        foreach (var export in job.Objects)
        {
            var observations = new MappingObservations(export.Mapping);
            built.Add(await BuildExportAsync(job, export, rejections, references, observations, progress, cancellationToken).ConfigureAwait(false));
            warnings.AddRange(observations.Warnings());
        }

        return new BuildResult(built, [.. references.Warnings, .. warnings]);
    }

    private long Unchanged(CrmObjectType type) => _options.Incremental?.UnchangedOf(type) ?? 0;

    /// <summary>Returns the records of <paramref name="chunk"/> to batch: all, or those the incremental check did not
    /// find unchanged.</summary>
    private MappedChunk ToSend(MappedChunk chunk) => _options.Incremental?.Filter(chunk) ?? chunk;

    private async Task<BuiltExport> BuildExportAsync(
        JobDefinition job,
        JobObject export,
        RejectionsCsvWriter rejections,
        ReferenceChecker references,
        MappingObservations observations,
        IProgress<PipelineProgress>? progress,
        CancellationToken cancellationToken)
    {
        var type = export.Type;
        PipelineLog.ReadingExport(_logger, type.ToWireName(), export.Source.Path);
        var batching = new BatchingOptions
        {
#pragma warning disable CA1308 // a folder name, lower case by convention; not a comparison
            WorkDirectory = Path.Combine(_options.WorkDirectory, type.ToWireName().ToLowerInvariant()),
#pragma warning restore CA1308
            MaxFileBytes = (job.Options.MaxFileMegabytes * BytesPerMegabyte) - BatchingOptions.MultipartOverheadBytes,
        };

        long read = 0, valid = 0, rejected = 0;
        var batcher = new LdjsonBatcher(type, batching);
        await using (batcher.ConfigureAwait(false))
        {
            var source = RecordSources.Open(export.Source, export.Mapping.Columns, _options.Read);
            await using (source.ConfigureAwait(false))
            {
                observations.NoteHeader(source);
                await PipelineGraph.RunAsync(source, export.Mapping, ConsumeAsync, _options.Parallelism, cancellationToken, _now)
                    .ConfigureAwait(false);
            }

            var files = await batcher.CompleteAsync(cancellationToken).ConfigureAwait(false);
            valid -= batcher.Merged;
            observations.NoteMerged(batcher.Merged, batcher.DuplicateObjectIds);
            rejections.Flush();
            progress?.Report(new PipelineProgress(type, read, valid, rejected, Completed: true, Unchanged(type), observations.Skipped));
            PipelineLog.ExportBuilt(_logger, type.ToWireName(), read, valid, rejected, files.Count);
            return new BuiltExport(export, files, read, valid, rejected, observations.Skipped, batcher.Merged, Unchanged(type));
        }

        async ValueTask ConsumeAsync(MappedChunk chunk, CancellationToken token)
        {
            read += chunk.ReadCount;
            rejected += chunk.Rejections.Count;
            ChunkReports.Record(chunk, rejections, references, observations);
            var toSend = ToSend(chunk);
            valid += toSend.Records.Count;

            // Reported before batching, so that a run stopped inside AddAsync still counts the rejections just written.
            progress?.Report(new PipelineProgress(type, read, valid, rejected, Completed: false, Unchanged(type), observations.Skipped));
            await batcher.AddAsync(toSend, token).ConfigureAwait(false);
        }
    }
}
