using System.Text.Json;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Reporting;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.ReadBack;

/// <summary>One record of a job as the mapping writes it for Gong (a line of its LDJSON files).</summary>
/// <param name="ObjectId">The record's objectId.</param>
/// <param name="Line">The LDJSON line, as it is sent.</param>
/// <param name="Json">The record, parsed.</param>
internal sealed record MappedRecord(string ObjectId, string Line, JsonElement Json);

/// <summary>A job mapped without Gong, as a dry run maps it: the LDJSON files of every export in a work folder of its
/// own, read back record by record. Used by the commands that compare the job with Gong (<c>verify</c>,
/// <c>users check</c>, <c>privacy purge-email --job</c>); the work folder, which it creates, is deleted on dispose.</summary>
internal sealed class MappedJob : IDisposable
{
    private readonly BuildResult _built;

    private readonly bool _ownsFiles;

    private MappedJob(string workDirectory, BuildResult built, bool ownsFiles)
    {
        WorkDirectory = workDirectory;
        _built = built;
        _ownsFiles = ownsFiles;
    }

    /// <summary>Gets the work folder (LDJSON files and the rejections of the mapping).</summary>
    public string WorkDirectory { get; }

    /// <summary>Maps every export of <paramref name="job"/> into <paramref name="workDirectory"/>.</summary>
    public static async Task<MappedJob> BuildAsync(JobDefinition job, string workDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var rejections = new RejectionsCsvWriter(Path.Combine(workDirectory, RejectionsCsvWriter.FileName), Path.GetDirectoryName(job.Path));
        await using (rejections.ConfigureAwait(false))
        {
            var builder = new BatchBuilder(new BatchBuilderOptions { WorkDirectory = Path.Combine(workDirectory, "batches") }, logger);
            var built = await builder.BuildAsync(job, rejections, progress: null, cancellationToken).ConfigureAwait(false);
            return new MappedJob(workDirectory, built, ownsFiles: true);
        }
    }

    /// <summary>Reads the files a run has just built (a sync's own batches); they stay where they are.</summary>
    public static MappedJob Of(BuildResult built, string batchDirectory) => new(batchDirectory, built, ownsFiles: false);

    /// <summary>Returns how many valid records the job holds of <paramref name="type"/>.</summary>
    public long CountOf(CrmObjectType type) => _built.Exports.Where(e => e.Export.Type == type).Sum(e => e.Valid);

    /// <summary>Returns the object types the job holds.</summary>
    public IEnumerable<CrmObjectType> Types => _built.Exports.Select(e => e.Export.Type).Distinct();

    /// <summary>Streams the records of <paramref name="type"/>, in the order of its upload files.</summary>
    public IEnumerable<MappedRecord> RecordsOf(CrmObjectType type)
    {
        foreach (var file in _built.Exports.Where(e => e.Export.Type == type).SelectMany(e => e.Files))
        {
            foreach (var line in File.ReadLines(file.Path))
            {
                using var document = JsonDocument.Parse(line);
                var json = document.RootElement.Clone();
                yield return new MappedRecord(json.GetProperty("objectId").GetString()!, line, json);
            }
        }
    }

    public void Dispose()
    {
        if (!_ownsFiles)
        {
            return;
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
