using System.Globalization;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Gong.Wire;

/// <summary>Schema fields between the client's model and Gong's JSON (CRM-API.md §2.4–2.5).</summary>
internal static class CrmSchemaWire
{
    public static SchemaFieldItem ToWire(CrmSchemaField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(field.UniqueName, nameof(field));
        return new SchemaFieldItem
        {
            UniqueName = field.UniqueName,
            Label = field.Label,
            Type = field.Type.ToString(),
            LastModified = field.LastModified?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IsDeleted = field.IsDeleted ? true : null,
            ReferenceTo = field.ReferenceTo,
            OrderedValueList = field.OrderedValueList?.ToList(),
        };
    }

    /// <summary>Reads a field; Gong's own example answers with <c>name</c> where its schema says <c>uniqueName</c>,
    /// so both are read.</summary>
    public static CrmSchemaField FromWire(SchemaFieldItem item, string operation, string? requestId)
    {
        var uniqueName = item.UniqueName ?? item.Name;
        if (string.IsNullOrEmpty(uniqueName))
        {
            throw new GongApiException(operation, 200, requestId, [], "(a schema field has neither uniqueName nor name)");
        }

        if (!Enum.TryParse<CrmFieldType>(item.Type, ignoreCase: false, out var type) || !Enum.IsDefined(type) ||
            int.TryParse(item.Type, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new GongApiException(operation, 200, requestId, [], $"(schema field '{uniqueName}' has type '{item.Type}', which this client does not know)");
        }

        DateTimeOffset? lastModified = DateTimeOffset.TryParse(item.LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        return new CrmSchemaField(uniqueName, item.Label ?? uniqueName, type, item.ReferenceTo, item.OrderedValueList, item.IsDeleted ?? false, lastModified);
    }
}
