using GongCrmBridge.Mapping;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Pipeline;

/// <summary>What the pipeline's consumer notes of every mapped chunk before batching it: its rejections and omitted
/// values into the report files, its references and observations for the warnings.</summary>
internal static class ChunkReports
{
    public static void Record(MappedChunk chunk, RejectionsCsvWriter rejections, ReferenceChecker references, MappingObservations observations)
    {
        if (chunk.Rejections.Count > 0)
        {
            rejections.Write(chunk.Rejections);
        }

        if (chunk.FieldIssues.Count > 0)
        {
            rejections.FieldIssues.Write(chunk.FieldIssues);
        }

        observations.Add(chunk.Stats);
        observations.Observe(chunk);
        references.Observe(chunk);
    }
}
