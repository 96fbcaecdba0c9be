using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Onboarding;

/// <summary>Guesses which object type an export holds when <c>init</c> is not told: from a recognised CRM layout,
/// else from words of the file name, else from words of the header.</summary>
public static class ObjectTypeGuess
{
    private static readonly (string Word, CrmObjectType Type)[] Words =
    [
        ("opportunit", CrmObjectType.Deal), ("deal", CrmObjectType.Deal), ("crm_lead", CrmObjectType.Deal),
        ("lead", CrmObjectType.Lead),
        ("contact", CrmObjectType.Contact), ("people", CrmObjectType.Contact), ("person", CrmObjectType.Contact),
        ("account", CrmObjectType.Account), ("compan", CrmObjectType.Account), ("organi", CrmObjectType.Account), ("partner", CrmObjectType.Account),
        ("stage", CrmObjectType.Stage),
        ("user", CrmObjectType.BusinessUser), ("owner", CrmObjectType.BusinessUser),
    ];

    /// <summary>The guessed type, or <c>null</c> when nothing tells.</summary>
    /// <param name="fileName">The export's file name.</param>
    /// <param name="header">The export's header.</param>
    public static CrmObjectType? Guess(string fileName, IReadOnlyCollection<string> header)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(header);
        if (ExportLayouts.Recognize(header) is { } recognized)
        {
            return recognized.Layout.Type;
        }

        var name = Path.GetFileNameWithoutExtension(fileName);
        foreach (var (word, type) in Words)
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        // The first column's entity word ("Opportunity ID", "Deal - Title", "Lead ID") tells as well.
        var first = header.FirstOrDefault() ?? string.Empty;
        return Words.Where(w => first.Contains(w.Word, StringComparison.OrdinalIgnoreCase)).Select(w => (CrmObjectType?)w.Type).FirstOrDefault();
    }
}
