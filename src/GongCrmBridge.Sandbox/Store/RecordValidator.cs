using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace GongCrmBridge.Sandbox.Store;

/// <summary>Gong's documented per-record rules for <c>POST /v2/crm/entities</c> (CRM-API.md §2.6).
/// Returns the first problem of a record as Gong-style text that names the field, never the value.</summary>
internal static class RecordValidator
{
    private enum Kind
    {
        String,
        Email,
        Boolean,
        Number,
        Integer,
        Date,
        DateTime,
        Url,
        StringArray,
        DealStatus,
    }

    private static readonly (string Name, Kind Kind)[] Common =
    [
        ("url", Kind.Url),
        ("lastModified", Kind.DateTime),
    ];

    private static readonly Dictionary<string, (string Name, Kind Kind)[]> Standard = new(StringComparer.Ordinal)
    {
        ["BUSINESS_USER"] = [("emailAddress", Kind.Email)],
        ["STAGE"] = [("name", Kind.String), ("isActive", Kind.Boolean), ("sortOrder", Kind.Integer)],
        ["ACCOUNT"] = [("name", Kind.String), ("domains", Kind.StringArray)],
        ["CONTACT"] =
        [
            ("accountId", Kind.String), ("emailAddress", Kind.Email), ("firstName", Kind.String),
            ("lastName", Kind.String), ("title", Kind.String), ("phoneNumber", Kind.String),
        ],
        ["DEAL"] =
        [
            ("accountId", Kind.String), ("ownerId", Kind.String), ("name", Kind.String),
            ("createdDate", Kind.DateTime), ("closeDate", Kind.Date), ("status", Kind.DealStatus),
            ("stage", Kind.String), ("amount", Kind.Number),
            ("isOpen", Kind.Boolean), ("isWon", Kind.Boolean), ("estimatedCloseDate", Kind.Date),
            ("actualCloseDate", Kind.Date), ("estimatedAmount", Kind.Number), ("actualAmount", Kind.Number),
        ],
        ["LEAD"] =
        [
            ("emailAddress", Kind.Email), ("firstName", Kind.String), ("lastName", Kind.String),
            ("title", Kind.String), ("phoneNumber", Kind.String), ("convertedToDealId", Kind.String),
            ("convertedToContactId", Kind.String), ("convertedToAccountId", Kind.String),
        ],
    };

    private static readonly HashSet<string> CommonNames = new(["objectId", "modifiedDate", "isDeleted", "url", "lastModified"], StringComparer.Ordinal);

    /// <summary>Validates one record.</summary>
    /// <param name="objectType">The upload's object type.</param>
    /// <param name="record">The parsed line.</param>
    /// <param name="schema">The declared (active) custom fields of the object type, by unique name.</param>
    /// <param name="allowUnderscore">Whether <c>_</c> is accepted in objectIds.</param>
    /// <param name="objectId">The record's objectId when it is a valid one.</param>
    /// <param name="isDeleted">Whether the record deletes its object.</param>
    /// <returns>The error description, or <see langword="null"/> when the record is valid.</returns>
    [SuppressMessage("Maintainability", "CA1502", Justification = "A flat sequence of Gong's record rules, in the order Gong reports the first one that fails.")]
    public static string? Validate(
        string objectType,
        JsonElement record,
        IReadOnlyDictionary<string, SchemaField> schema,
        bool allowUnderscore,
        out string? objectId,
        out bool isDeleted)
    {
        objectId = null;
        isDeleted = false;
        if (record.ValueKind != JsonValueKind.Object)
        {
            return "Line is not a JSON object";
        }

        if (!record.TryGetProperty("objectId", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0)
        {
            return Missing("objectId");
        }

        var idText = id.GetString()!;
        if (idText.Length > WireFormats.MaxObjectIdLength)
        {
            return $"Field [objectId] is longer than {WireFormats.MaxObjectIdLength} characters";
        }

        if (!WireFormats.IsObjectId(idText, allowUnderscore))
        {
            return "Field [objectId] may contain only letters, digits and '-', or be an email address";
        }

        objectId = idText;

        if (record.TryGetProperty("isDeleted", out var deleted))
        {
            if (deleted.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                isDeleted = deleted.GetBoolean();
            }
            else if (deleted.ValueKind != JsonValueKind.Null)
            {
                return Invalid("isDeleted", "a boolean is expected");
            }
        }

        // STAGE's current field table does not list modifiedDate (Gong's own stage example omits it on a line).
        var modifiedRequired = objectType != "STAGE";
        if (!record.TryGetProperty("modifiedDate", out var modified) || IsEmpty(modified))
        {
            if (modifiedRequired)
            {
                return Missing("modifiedDate");
            }
        }
        else if (modified.ValueKind != JsonValueKind.String || !WireFormats.IsDateTime(modified.GetString()))
        {
            return Invalid("modifiedDate", "an ISO-8601 date-time without fractional seconds is expected");
        }

        foreach (var (name, kind) in Common)
        {
            if (Check(record, name, kind) is { } error)
            {
                return error;
            }
        }

        if (!isDeleted)
        {
            if (objectType == "BUSINESS_USER" && (!record.TryGetProperty("emailAddress", out var email) || IsEmpty(email)))
            {
                return Missing("emailAddress");
            }

            if (objectType == "STAGE" && (!record.TryGetProperty("name", out var stageName) || IsEmpty(stageName)))
            {
                return Missing("name");
            }
        }

        var standard = Standard[objectType];
        foreach (var (name, kind) in standard)
        {
            if (Check(record, name, kind) is { } error)
            {
                return error;
            }
        }

        if (schema.Count == 0)
        {
            return null;
        }

        foreach (var property in record.EnumerateObject())
        {
            if (CommonNames.Contains(property.Name) || !schema.TryGetValue(property.Name, out var field)
                || Array.Exists(standard, s => s.Name == property.Name))
            {
                continue; // undeclared keys are kept raw and ignored for display, as Gong does
            }

            if (CheckCustom(property.Value, field) is { } reason)
            {
                return Invalid(field.UniqueName, reason);
            }
        }

        return null;
    }

    private static string Missing(string field) => $"Mandatory field [{field}] is missing or empty";

    private static string Invalid(string field, string reason) => $"Invalid value for field [{field}]: {reason}";

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);

    private static string? Check(JsonElement record, string name, Kind kind)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var reason = kind switch
        {
            Kind.String => value.ValueKind == JsonValueKind.String ? null : "a string is expected",
            Kind.Email => value.ValueKind != JsonValueKind.String ? "a string is expected"
                : value.GetString()!.Length == 0 || WireFormats.IsEmail(value.GetString()) ? null : "an email address is expected",
            Kind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "a boolean is expected",
            Kind.Number => value.ValueKind == JsonValueKind.Number ? null : "a number is expected",
            Kind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 1
                ? null : "an integer from 1 is expected",
            Kind.Date => value.ValueKind == JsonValueKind.String && WireFormats.IsDate(value.GetString())
                ? null : "a date yyyy-MM-dd without time is expected",
            Kind.DateTime => value.ValueKind == JsonValueKind.String && WireFormats.IsDateTime(value.GetString())
                ? null : "an ISO-8601 date-time without fractional seconds is expected",
            Kind.Url => value.ValueKind == JsonValueKind.String && WireFormats.IsAbsoluteUrl(value.GetString())
                ? null : "an absolute URL is expected",
            Kind.StringArray => IsStringArray(value) ? null : "an array of strings is expected",
            Kind.DealStatus => value.ValueKind == JsonValueKind.String && value.GetString() is "OPEN" or "WON" or "LOST"
                ? null : "one of OPEN, WON, LOST is expected",
            _ => null,
        };
        return reason is null ? null : Invalid(name, reason);
    }

    private static string? CheckCustom(JsonElement value, SchemaField field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var isString = value.ValueKind == JsonValueKind.String;
        var text = isString ? value.GetString() : null;
        return field.Type switch
        {
            "BOOLEAN" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "a boolean is expected",
            "DATE" => WireFormats.IsDate(text) ? null : "a date yyyy-MM-dd without time is expected",
            "DATETIME" => WireFormats.IsDateTime(text) ? null : "an ISO-8601 date-time without fractional seconds is expected",
            "PICKLIST" => text is not null && field.OrderedValueList is { } values && values.Contains(text)
                ? null : "a value of the field's orderedValueList is expected",
            "NUMBER" or "CURRENCY" => value.ValueKind == JsonValueKind.Number ? null : "a number is expected",
            "PERCENT" => value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 100
                ? null : "a number from 0 to 100 is expected",
            "EMAILADDRESS" => WireFormats.IsEmail(text) ? null : "an email address is expected",
            "URL" => WireFormats.IsAbsoluteUrl(text) ? null : "an absolute URL is expected",
            "STRINGARRAY" => IsStringArray(value) ? null : "an array of strings is expected",
            _ => isString ? null : "a string is expected", // STRING, ID, REFERENCE, PHONENUMBER
        };
    }

    private static bool IsStringArray(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }
        }

        return true;
    }
}
