namespace GongCrmBridge.Gong.Models;

/// <summary>The object types of Gong's Generic CRM integration.</summary>
/// <remarks>On the wire they are upper-case and case-sensitive; use <see cref="CrmObjectTypes.ToWireName"/>.</remarks>
public enum CrmObjectType
{
    /// <summary>A CRM user (seller, manager), linked to a Gong user by email.</summary>
    BusinessUser,

    /// <summary>A deal stage of the sales pipeline.</summary>
    Stage,

    /// <summary>A customer company.</summary>
    Account,

    /// <summary>A person at an account.</summary>
    Contact,

    /// <summary>An opportunity of an account.</summary>
    Deal,

    /// <summary>A prospect not (yet) tied to an account.</summary>
    Lead,
}

/// <summary>Wire names and facts about <see cref="CrmObjectType"/>.</summary>
public static class CrmObjectTypes
{
    /// <summary>Gets every object type in Gong's dependency order: users and stages first, leads last.</summary>
    public static IReadOnlyList<CrmObjectType> InDependencyOrder { get; } =
    [
        CrmObjectType.BusinessUser, CrmObjectType.Stage, CrmObjectType.Account,
        CrmObjectType.Contact, CrmObjectType.Deal, CrmObjectType.Lead,
    ];

    /// <summary>Returns Gong's wire name, e.g. <c>BUSINESS_USER</c>.</summary>
    public static string ToWireName(this CrmObjectType type) => type switch
    {
        CrmObjectType.BusinessUser => "BUSINESS_USER",
        CrmObjectType.Stage => "STAGE",
        CrmObjectType.Account => "ACCOUNT",
        CrmObjectType.Contact => "CONTACT",
        CrmObjectType.Deal => "DEAL",
        CrmObjectType.Lead => "LEAD",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown CRM object type."),
    };

    /// <summary>Parses a wire name (case-sensitive, as Gong is).</summary>
    public static bool TryParseWireName(string? name, out CrmObjectType type)
    {
        foreach (var candidate in InDependencyOrder)
        {
            if (string.Equals(candidate.ToWireName(), name, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Whether Gong accepts a custom-field schema for this type (ACCOUNT, CONTACT, DEAL, LEAD).</summary>
    public static bool AcceptsSchema(this CrmObjectType type) =>
        type is CrmObjectType.Account or CrmObjectType.Contact or CrmObjectType.Deal or CrmObjectType.Lead;
}
