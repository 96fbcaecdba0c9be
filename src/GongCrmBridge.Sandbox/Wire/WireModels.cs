using System.Text.Json;
using System.Text.Json.Serialization;

namespace GongCrmBridge.Sandbox.Wire;

// The emulator's own wire models (CRM-API.md §1.4, §2). Property names are Gong's, in camelCase.

internal sealed record ErrorResponse(string RequestId, IReadOnlyList<string> Errors);

internal sealed record BaseResponse(string RequestId);

internal sealed record RegisterResponse(string RequestId, long IntegrationId);

internal sealed record IntegrationWire(long IntegrationId, string Name, string OwnerEmail);

internal sealed record ListIntegrationsResponse(string RequestId, IReadOnlyList<IntegrationWire> Integrations);

internal sealed record AsyncProcessingResponse(string RequestId, string ClientRequestId);

internal sealed record SchemaFieldWire(
    string UniqueName,
    string Label,
    string Type,
    string? LastModified,
    bool IsDeleted,
    string? ReferenceTo,
    IReadOnlyList<string>? OrderedValueList);

internal sealed record ListSchemaResponse(
    string RequestId,
    IReadOnlyDictionary<string, IReadOnlyList<SchemaFieldWire>> ObjectTypeToSelectedFields);

internal sealed record RecordErrorWire(int Line, string Description);

internal sealed record RequestStatusResponse(
    string RequestId,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RecordErrorWire>? Errors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TotalErrorCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TotalSuccessCount);

internal sealed record GetObjectsResponse(string RequestId, IReadOnlyDictionary<string, JsonElement?> CrmObjectsMap);

internal static class WireJson
{
    public static JsonSerializerOptions Options => SandboxWireJson.Default.Options;
}

/// <summary>The emulator's wire types' serialization code, generated at build time (no reflection in a native build).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(BaseResponse))]
[JsonSerializable(typeof(RegisterResponse))]
[JsonSerializable(typeof(ListIntegrationsResponse))]
[JsonSerializable(typeof(AsyncProcessingResponse))]
[JsonSerializable(typeof(ListSchemaResponse))]
[JsonSerializable(typeof(RequestStatusResponse))]
[JsonSerializable(typeof(GetObjectsResponse))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class SandboxWireJson : JsonSerializerContext;
