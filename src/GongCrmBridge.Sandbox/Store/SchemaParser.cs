using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace GongCrmBridge.Sandbox.Store;

/// <summary>One item of a <c>POST /v2/crm/entity-schema</c> body.</summary>
internal sealed record SchemaFieldRequest(SchemaField Field, bool IsDeleted);

/// <summary>Parses and checks a schema upload body (CRM-API.md §2.4).</summary>
internal static class SchemaParser
{
    /// <summary>Parses the body; returns the error messages of a 400, or none.</summary>
    [SuppressMessage("Maintainability", "CA1502", Justification = "A flat sequence of the documented checks of a schema field, each adding its own error as Gong does.")]
    public static List<string> Parse(JsonElement body, out List<SchemaFieldRequest> fields)
    {
        fields = [];
        var errors = new List<string>();
        if (body.ValueKind != JsonValueKind.Array)
        {
            errors.Add("The request body must be a JSON array of schema fields");
            return errors;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"Field #{index}: a JSON object is expected");
                continue;
            }

            var uniqueName = Text(item, "uniqueName") ?? Text(item, "name");
            var label = Text(item, "label");
            var type = Text(item, "type");
            var referenceTo = Text(item, "referenceTo");
            var lastModified = Text(item, "lastModified");
            var isDeleted = item.TryGetProperty("isDeleted", out var deleted) && deleted.ValueKind == JsonValueKind.True;
            var where = string.IsNullOrEmpty(uniqueName) ? $"Field #{index}" : $"Field [{uniqueName}]";

            if (string.IsNullOrEmpty(uniqueName))
            {
                errors.Add($"{where}: uniqueName is mandatory");
                continue;
            }

            if (!names.Add(uniqueName))
            {
                errors.Add($"{where}: declared more than once");
                continue;
            }

            if (deleted.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add($"{where}: isDeleted must be a boolean");
            }

            if (string.IsNullOrEmpty(label))
            {
                errors.Add($"{where}: label is mandatory");
            }

            if (type is null || !WireFormats.FieldTypes.Contains(type))
            {
                errors.Add($"{where}: type must be one of {string.Join(", ", WireFormats.FieldTypes)}");
            }

            if (type == "REFERENCE" && (referenceTo is null || !WireFormats.ReferenceTargets.Contains(referenceTo)))
            {
                errors.Add($"{where}: a REFERENCE field needs referenceTo, one of {string.Join(", ", WireFormats.ReferenceTargets)}");
            }

            List<string>? values = null;
            if (item.TryGetProperty("orderedValueList", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                values = [];
                foreach (var value in list.EnumerateArray())
                {
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        values.Add(value.GetString()!);
                    }
                    else
                    {
                        errors.Add($"{where}: orderedValueList must contain strings only");
                        break;
                    }
                }
            }

            if (type == "PICKLIST" && (values is null || values.Count == 0))
            {
                errors.Add($"{where}: a PICKLIST field needs a non-empty orderedValueList");
            }

            if (lastModified is not null && !WireFormats.IsDateTime(lastModified))
            {
                errors.Add($"{where}: lastModified must be an ISO-8601 date-time without fractional seconds");
            }

            fields.Add(new SchemaFieldRequest(
                new SchemaField(uniqueName, label ?? string.Empty, type ?? string.Empty,
                    type == "REFERENCE" ? referenceTo : null, type == "PICKLIST" ? values : null, lastModified),
                isDeleted));
        }

        return errors;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
