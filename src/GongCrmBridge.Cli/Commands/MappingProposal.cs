using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Onboarding;

namespace GongCrmBridge.Cli.Commands;

/// <summary>The mapping <c>init</c> proposes for one export: from the recognised CRM's ready-made mapping, else
/// guessed column by column.</summary>
internal sealed record MappingProposal(string CsvPath, CrmObjectType Type, string Text, RecognizedExport? Recognized)
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
            return new MappingProposal(csvPath, objectType.Value, ReadyMadeStart.Create(recognized, readyMade, sample, fileName), recognized);
        }

        return new MappingProposal(csvPath, objectType.Value, MappingSkeleton.Create(objectType.Value, sample, fileName), null);
    }
}
