using GongCrmBridge.Gong.Models;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Onboarding;

/// <summary>When most columns a mapping reads are missing from its export, the mapping was made for another
/// layout: names the layout the header looks like, so the problem list points the way instead of listing columns.</summary>
public static class MismatchHint
{
    /// <summary>The hint for an export that lacks <paramref name="missingCount"/> of the mapping's
    /// <paramref name="mappedCount"/> columns, or <c>null</c> when most of them are there (or the header cannot be read).</summary>
    /// <param name="source">The export.</param>
    /// <param name="mappedCount">The columns the mapping reads.</param>
    /// <param name="missingCount">Those the export's header lacks.</param>
    /// <param name="type">The object type the job loads from the export.</param>
    public static string? For(SourceSpec source, int mappedCount, int missingCount, CrmObjectType type)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (missingCount == 0 || missingCount * 2 <= mappedCount || source.Format != SourceFormat.Csv)
        {
            return null;
        }

        IReadOnlyList<string> header;
        try
        {
            header = RecordSources.ReadHeader(source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }

        var file = Path.GetFileName(source.Path);
        var lead = $"{missingCount} of the {mappedCount} columns the mapping reads are not in {file}";
        return ExportLayouts.Recognize([.. header], type) is { } recognized
            ? $"{lead}: {recognized.Hint}"
            : $"{lead}: is it the export this mapping was written for? `gongbridge init --type {type.ToWireName()} --csv {file}` prints a mapping for its header";
    }
}
