using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GongCrmBridge.Gong.Wire;

// Gong's JSON shapes (CRM-API.md §1.4, §2). Every response property is nullable: Gong documents
// none as always present and may add fields at any time.

/// <summary>JSON settings for Gong: camelCase, nulls omitted on write, lenient numbers on read; the serialization code
/// is generated at build time (<see cref="GongWireJson"/>), so a natively compiled tool needs no reflection.</summary>
internal static class GongJson
{
    internal static JsonSerializerOptions Options => GongWireJson.Default.Options;

    /// <summary>Returns the generated contract of <typeparamref name="T"/>, a type listed on <see cref="GongWireJson"/>.</summary>
    internal static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

/// <summary>The wire types' generated serialization code.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(RegisterIntegrationRequest))]
[JsonSerializable(typeof(RegisterIntegrationResponse))]
[JsonSerializable(typeof(ListIntegrationsResponse))]
[JsonSerializable(typeof(AsyncProcessingResponse))]
[JsonSerializable(typeof(List<SchemaFieldItem>))]
[JsonSerializable(typeof(ListSchemaResponse))]
[JsonSerializable(typeof(RequestStatusResponse))]
[JsonSerializable(typeof(GetObjectsResponse))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class GongWireJson : JsonSerializerContext;

internal sealed class ErrorResponse
{
    public string? RequestId { get; set; }

    public JsonElement? Errors { get; set; }
}

internal sealed record RegisterIntegrationRequest(string Name, string OwnerEmail);

internal sealed class RegisterIntegrationResponse
{
    public string? RequestId { get; set; }

    public long? IntegrationId { get; set; }
}

internal sealed class ListIntegrationsResponse
{
    public string? RequestId { get; set; }

    public List<IntegrationItem?>? Integrations { get; set; }
}

internal sealed class IntegrationItem
{
    public long? IntegrationId { get; set; }

    public string? Name { get; set; }

    public string? OwnerEmail { get; set; }
}

internal sealed class AsyncProcessingResponse
{
    public string? RequestId { get; set; }

    public string? ClientRequestId { get; set; }
}

internal sealed class SchemaFieldItem
{
    public string? UniqueName { get; set; }

    /// <summary>Gets or sets the deprecated alias of <see cref="UniqueName"/> (Gong's own example response uses it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    public string? Label { get; set; }

    public string? Type { get; set; }

    public string? LastModified { get; set; }

    public bool? IsDeleted { get; set; }

    public string? ReferenceTo { get; set; }

    public List<string>? OrderedValueList { get; set; }
}

internal sealed class ListSchemaResponse
{
    public string? RequestId { get; set; }

    public Dictionary<string, List<SchemaFieldItem?>?>? ObjectTypeToSelectedFields { get; set; }
}

internal sealed class RequestStatusResponse
{
    public string? RequestId { get; set; }

    public string? Status { get; set; }

    public List<RequestErrorItem?>? Errors { get; set; }

    public int? TotalErrorCount { get; set; }

    public int? TotalSuccessCount { get; set; }
}

internal sealed class RequestErrorItem
{
    public int? Line { get; set; }

    public string? Description { get; set; }
}

internal sealed class GetObjectsResponse
{
    public string? RequestId { get; set; }

    public Dictionary<string, JsonElement?>? CrmObjectsMap { get; set; }
}
