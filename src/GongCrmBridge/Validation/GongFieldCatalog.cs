using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Validation;

/// <summary>Gong's standard fields per object type (CRM-API.md §2.6) and the custom-field types' shapes.</summary>
internal static class GongFieldCatalog
{
    /// <summary>The keys every object type has, outside <c>fields</c>.</summary>
    public static readonly IReadOnlyList<string> CommonKeys = ["objectId", "modifiedDate", "isDeleted", "url"];

    private static readonly Dictionary<CrmObjectType, StandardField[]> Fields = new()
    {
        [CrmObjectType.BusinessUser] = [new("emailAddress", ValueKind.String, FieldRule.Email)],
        [CrmObjectType.Stage] =
        [
            new("name", ValueKind.String),
            new("isActive", ValueKind.Boolean),
            new("sortOrder", ValueKind.Integer, FieldRule.PositiveInteger),
        ],
        [CrmObjectType.Account] =
        [
            new("name", ValueKind.String),
            new("domains", ValueKind.StringArray),
        ],
        [CrmObjectType.Contact] =
        [
            new("accountId", ValueKind.String, FieldRule.Reference),
            new("emailAddress", ValueKind.String, FieldRule.Email),
            new("firstName", ValueKind.String),
            new("lastName", ValueKind.String),
            new("title", ValueKind.String),
            new("phoneNumber", ValueKind.String),
        ],
        [CrmObjectType.Deal] =
        [
            new("accountId", ValueKind.String, FieldRule.Reference),
            new("ownerId", ValueKind.String, FieldRule.Reference),
            new("name", ValueKind.String),
            new("createdDate", ValueKind.DateTime),
            new("closeDate", ValueKind.Date),
            new("status", ValueKind.String, FieldRule.DealStatus),
            new("stage", ValueKind.String, FieldRule.Reference),
            new("amount", ValueKind.Number),
        ],
        [CrmObjectType.Lead] =
        [
            new("emailAddress", ValueKind.String, FieldRule.Email),
            new("firstName", ValueKind.String),
            new("lastName", ValueKind.String),
            new("title", ValueKind.String),
            new("phoneNumber", ValueKind.String),
            new("convertedToDealId", ValueKind.String, FieldRule.Reference),
            new("convertedToContactId", ValueKind.String, FieldRule.Reference),
            new("convertedToAccountId", ValueKind.String, FieldRule.Reference),
        ],
    };

    /// <summary>Returns the standard fields of <paramref name="type"/>.</summary>
    public static IReadOnlyList<StandardField> StandardFields(CrmObjectType type) => Fields[type];

    /// <summary>Finds a standard field by its exact (case-sensitive) name.</summary>
    public static StandardField? Find(CrmObjectType type, string name) =>
        Array.Find(Fields[type], f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The standard field that must be present unless the record is deleted, if any.</summary>
    public static string? RequiredUnlessDeleted(CrmObjectType type) => type switch
    {
        CrmObjectType.BusinessUser => "emailAddress",
        CrmObjectType.Stage => "name",
        _ => null,
    };

    /// <summary>The JSON shape and rule of a custom field of Gong schema type <paramref name="type"/>.</summary>
    public static (ValueKind Kind, FieldRule Rule) ForSchemaType(CrmFieldType type) => type switch
    {
        CrmFieldType.BOOLEAN => (ValueKind.Boolean, FieldRule.None),
        CrmFieldType.DATE => (ValueKind.Date, FieldRule.None),
        CrmFieldType.DATETIME => (ValueKind.DateTime, FieldRule.None),
        CrmFieldType.PICKLIST => (ValueKind.String, FieldRule.Picklist),
        CrmFieldType.NUMBER or CrmFieldType.CURRENCY => (ValueKind.Number, FieldRule.None),
        CrmFieldType.PERCENT => (ValueKind.Number, FieldRule.Percent),
        CrmFieldType.EMAILADDRESS => (ValueKind.String, FieldRule.Email),
        CrmFieldType.REFERENCE => (ValueKind.String, FieldRule.Reference),
        CrmFieldType.URL => (ValueKind.String, FieldRule.Url),
        CrmFieldType.STRINGARRAY => (ValueKind.StringArray, FieldRule.None),
        _ => (ValueKind.String, FieldRule.None),
    };

    /// <summary>The mapping-file name of a value kind.</summary>
    public static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.String => "string",
        ValueKind.Number => "number",
        ValueKind.Integer => "integer",
        ValueKind.Boolean => "boolean",
        ValueKind.Date => "date",
        ValueKind.DateTime => "datetime",
        ValueKind.StringArray => "stringArray",
        _ => kind.ToString(),
    };

    /// <summary>Parses a mapping-file type name (<c>string</c>, <c>number</c>, ...).</summary>
    public static bool TryParseKind(string name, out ValueKind kind)
    {
        foreach (var candidate in Enum.GetValues<ValueKind>())
        {
            if (string.Equals(KindName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
