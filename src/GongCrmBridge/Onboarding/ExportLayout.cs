using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Onboarding;

/// <summary>How one CRM writes one object's export: the columns that give it away, and the ready-made mapping
/// (<c>mappings/&lt;Folder&gt;/&lt;MappingFile&gt;</c>) that reads it.</summary>
/// <param name="Crm">The CRM and export style as a person names it, e.g. "Salesforce (Data Loader)".</param>
/// <param name="Folder">The folder of the ready-made set under <c>mappings/</c>.</param>
/// <param name="Type">The object type the export holds.</param>
/// <param name="MappingFile">The ready-made mapping file's name, e.g. <c>deal.yaml</c>.</param>
/// <param name="Markers">Column names only this layout has together (matched trimmed, case-insensitively).</param>
public sealed record ExportLayout(string Crm, string Folder, CrmObjectType Type, string MappingFile, IReadOnlyList<string> Markers)
{
    /// <summary>The ready-made mapping's path relative to the repository, e.g. <c>mappings/hubspot/deal.yaml</c>.</summary>
    public string MappingPath => $"mappings/{Folder}/{MappingFile}";
}
