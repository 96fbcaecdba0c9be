using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Onboarding;

namespace GongCrmBridge.Cli.Commands;

/// <summary>The mapping <c>init</c> proposes for one export: from the recognised CRM's ready-made mapping, else
/// guessed column by column.</summary>
/// <param name="CsvPath">The export.</param>
/// <param name="Type">The object type the mapping is for.</param>
/// <param name="Text">The mapping file's text.</param>
/// <param name="Recognized">The CRM layout the export was recognised as, if any.</param>
/// <param name="Header">The export's column names.</param>
internal sealed record MappingProposal(string CsvPath, CrmObjectType Type, string Text, RecognizedExport? Recognized, IReadOnlyList<string> Header)
{
    /// <summary>The proposal for <paramref name="csvPath"/>, or <c>null</c> when its object type is not given and
    /// cannot be told.</summary>
    public static MappingProposal? Make(string csvPath, CrmObjectType? type, int rows)
    {
        var sample = CsvSampleReader.Read(csvPath, rows);
        var fileName = Path.GetFileName(csvPath);
        var objectType = type ?? ObjectTypeGuess.Guess(fileName, sample.Names);
        if (objectType is null)
        {
            return null;
        }

        var recognized = ExportLayouts.Recognize(sample.Names, objectType);
        if (recognized is not null && recognized.Layout.Type == objectType && ReadyMadeMappings.Read(recognized.Layout.MappingPath) is { } readyMade)
        {
            return new MappingProposal(csvPath, objectType.Value, ReadyMadeStart.Create(recognized, readyMade, sample, fileName), recognized, sample.Names);
        }

        return new MappingProposal(csvPath, objectType.Value, MappingSkeleton.Create(objectType.Value, sample, fileName), null, sample.Names);
    }

    /// <summary>The proposals for the other object types the recognised exports of <paramref name="proposals"/> feed
    /// (see <see cref="ExportLayouts.AlsoFedBy"/>), for the types no export of the job covers yet.</summary>
    /// <returns>A list made at once, so the caller may add it to <paramref name="proposals"/>.</returns>
    public static IReadOnlyList<MappingProposal> Companions(IReadOnlyList<MappingProposal> proposals, int rows)
    {
        var covered = proposals.Select(p => p.Type).ToHashSet();
        var companions = new List<MappingProposal>();
        foreach (var proposal in proposals.Where(p => p.Recognized is not null))
        {
            foreach (var layout in ExportLayouts.AlsoFedBy(proposal.Header, proposal.Recognized!.Layout))
            {
                if (covered.Add(layout.Type) && Make(proposal.CsvPath, layout.Type, rows) is { } companion)
                {
                    companions.Add(companion);
                }
            }
        }

        return companions;
    }
}
