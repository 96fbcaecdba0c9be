using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Validation;

/// <summary>The JSON shape of a mapped value (the <c>type</c> of a field spec).</summary>
internal enum ValueKind
{
    /// <summary>A JSON string (the default).</summary>
    String,

    /// <summary>A JSON number (decimal).</summary>
    Number,

    /// <summary>A JSON number without a fraction.</summary>
    Integer,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A <c>yyyy-MM-dd</c> string.</summary>
    Date,

    /// <summary>A <c>yyyy-MM-ddTHH:mm:ssZ</c> string (UTC, no fractional seconds).</summary>
    DateTime,

    /// <summary>A JSON array of strings.</summary>
    StringArray,
}

/// <summary>The Gong rule a value must satisfy beyond its JSON shape.</summary>
internal enum FieldRule
{
    /// <summary>No rule beyond the shape.</summary>
    None,

    /// <summary>The record's own objectId: at most 64 characters, letters/digits/<c>-</c>/<c>_</c> or an email.</summary>
    ObjectId,

    /// <summary>The objectId of another object (trimmed, not checked: a reference that matches no object is a
    /// job-wide referential warning, not a reason to drop the record).</summary>
    Reference,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>DEAL <c>status</c>: OPEN, WON or LOST (matched case-insensitively, sent upper-case).</summary>
    DealStatus,

    /// <summary>One of a PICKLIST's values (matched case-insensitively, sent as declared).</summary>
    Picklist,

    /// <summary>A number from 0 to 100.</summary>
    Percent,

    /// <summary>An integer of 1 or more (STAGE <c>sortOrder</c>).</summary>
    PositiveInteger,
}

/// <summary>A standard (Gong-defined) field of an object type.</summary>
/// <param name="Name">The field's key in the record.</param>
/// <param name="Kind">Its JSON shape.</param>
/// <param name="Rule">The rule its value must satisfy.</param>
internal sealed record StandardField(string Name, ValueKind Kind, FieldRule Rule = FieldRule.None);

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
