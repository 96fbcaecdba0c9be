using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Onboarding;

/// <summary>The layout a header was recognised as, and how many of its marker columns the header has.</summary>
/// <param name="Layout">The recognised layout.</param>
/// <param name="MarkersFound">Marker columns present in the header.</param>
public sealed record RecognizedExport(ExportLayout Layout, int MarkersFound)
{
    /// <summary>A one-line hint, e.g. "this header looks like a HubSpot export (deals); see mappings/hubspot/".</summary>
    public string Hint => $"this header looks like a {Layout.Crm} export ({Layout.Type.ToWireName()}); see mappings/{Layout.Folder}/{Layout.MappingFile}";
}
