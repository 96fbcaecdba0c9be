using System.Text;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Validation;

namespace GongCrmBridge.Onboarding;

/// <summary>The mapping <c>init</c> prints for a recognised CRM export: that CRM's ready-made mapping as it is, then
/// the export's columns it does not read as commented custom-field lines under its <c>customFields:</c>.</summary>
public static class ReadyMadeStart
{
    /// <summary>The mapping text.</summary>
    /// <param name="recognized">The layout the export was recognised as.</param>
    /// <param name="readyMade">The text of its ready-made mapping (<see cref="ExportLayout.MappingPath"/>).</param>
    /// <param name="sample">The export's header and first rows.</param>
    /// <param name="sourceFileName">The export's file name.</param>
    public static string Create(RecognizedExport recognized, string readyMade, ExportSample sample, string sourceFileName)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        ArgumentNullException.ThrowIfNull(readyMade);
        ArgumentNullException.ThrowIfNull(sample);
        var layout = recognized.Layout;
        var text = new StringBuilder();
        text.Append("# ").Append(sourceFileName).Append(" looks like a ").Append(layout.Crm).Append(" export (")
            .Append(layout.Type.ToWireName()).Append("): `gongbridge init` started from ").Append(layout.MappingPath).Append(".\n");
        text.Append(readyMade.TrimEnd('\n', '\r')).Append('\n');

        // A column the ready-made file names nowhere is one it does not read (a mention in a comment counts as read).
        var unread = sample.Columns.Where(c => !string.IsNullOrWhiteSpace(c.Name) && !readyMade.Contains(c.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (unread.Count == 0 || !layout.Type.AcceptsSchema())
        {
            return text.ToString();
        }

        if (!readyMade.Contains("\ncustomFields:", StringComparison.Ordinal))
        {
            text.Append("customFields:\n");
        }

        var taken = readyMade.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':', StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);
        var names = new CustomFieldNames([.. GongFieldCatalog.CommonKeys, .. GongFieldCatalog.StandardFields(layout.Type).Select(f => f.Name), .. taken]);
        text.Append("  # Columns of ").Append(sourceFileName).Append(" the mapping does not read: uncomment to send one as a custom field.\n");
        foreach (var column in unread)
        {
            text.Append("  # ").Append(ColumnSpecs.Custom(names.For(column.Name), column, sample.RowCount)).Append('\n');
        }

        return text.ToString();
    }
}
