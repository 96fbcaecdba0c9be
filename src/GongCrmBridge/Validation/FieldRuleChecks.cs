namespace GongCrmBridge.Validation;

/// <summary>Checks one mapped value against its <see cref="FieldRule"/> (CRM-API.md §2.6, §3). The mapper calls these
/// for every cell whose field has a rule, so they work on spans and allocate nothing when the value passes.</summary>
/// <remarks>Each check returns null when the value passes, else what is wrong in words that follow the field's name
/// (e.g. <c>is not a valid email address</c>); the caller names the field and column, never the value.</remarks>
internal static class FieldRuleChecks
{
    /// <summary>Checks a text value; when it passes, <paramref name="value"/> is what Gong gets: trimmed for ids,
    /// references, emails and URLs, Gong's spelling of a DEAL status, the declared spelling of a PICKLIST value.</summary>
    /// <param name="rule">The field's rule.</param>
    /// <param name="value">The value, after transforms, map and default.</param>
    /// <param name="picklist">The allowed values when <paramref name="rule"/> is <see cref="FieldRule.Picklist"/>.</param>
    /// <returns>Null when the value passes, else the problem.</returns>
    public static string? CheckText(FieldRule rule, ref ReadOnlySpan<char> value, PicklistValues? picklist)
    {
        switch (rule)
        {
            case FieldRule.Reference:
                value = value.Trim();
                return null;

            case FieldRule.ObjectId:
                value = value.Trim();
                return GongRules.ObjectIdProblem(value);

            case FieldRule.Email:
                value = value.Trim();
                return GongRules.IsEmail(value) ? null : "is not a valid email address";

            case FieldRule.Url:
                value = value.Trim();
                return GongRules.IsAbsoluteHttpUrl(value) ? null : "is not an absolute http(s) URL";

            case FieldRule.DealStatus:
                if (GongRules.DealStatus(value.Trim()) is not { } status)
                {
                    return "must be OPEN, WON or LOST (use 'map' to translate the export's values)";
                }

                value = status;
                return null;

            case FieldRule.Picklist:
                if (picklist is null || !picklist.TryMatch(value.Trim(), out var declared))
                {
                    return "is not one of the PICKLIST values";
                }

                value = declared;
                return null;

            default:
                return null;
        }
    }

    /// <summary>Checks a number (a PERCENT is from 0 to 100).</summary>
    /// <returns>Null when the value passes, else the problem.</returns>
    public static string? CheckNumber(FieldRule rule, decimal number) =>
        rule == FieldRule.Percent && number is < 0 or > 100 ? "is a PERCENT and must be between 0 and 100" : null;

    /// <summary>Checks a whole number (a STAGE <c>sortOrder</c> is from 1 to 2,147,483,647: Gong stores a 32-bit integer).</summary>
    /// <returns>Null when the value passes, else the problem.</returns>
    public static string? CheckInteger(FieldRule rule, long integer) =>
        rule == FieldRule.PositiveInteger && integer is < 1 or > int.MaxValue ? "must be a whole number from 1 to 2147483647" : null;
}
