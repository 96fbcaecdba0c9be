using System.Globalization;

namespace GongCrmBridge.Mapping;

/// <summary>Finds a common date layout that reads every one of a few failing values, for the <c>same-failure</c>
/// warning: "every record failed closeDate: try format: 'M/d/yy h:mm tt'".</summary>
internal static class FormatSuggester
{
    /// <summary>The layouts CRMs and spreadsheets write, US first (Salesforce and HubSpot's reports, Excel), then
    /// European (Odoo, Dynamics in a German or French locale), then ISO variants.</summary>
    private static readonly string[] CommonFormats =
    [
        "M/d/yyyy h:mm tt", "M/d/yy h:mm tt", "M/d/yyyy H:mm", "M/d/yy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy", "M/d/yy",
        "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "d.M.yyyy",
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "dd-MM-yyyy", "d-MMM-yy", "d MMM yyyy",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss.fff", "MMM d, yyyy",
    ];

    /// <summary>Returns the first common layout that reads all of <paramref name="samples"/>, or null.</summary>
    public static string? Suggest(IReadOnlyCollection<string> samples)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        return Array.Find(CommonFormats, format => samples.All(sample =>
            DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)));
    }
}
