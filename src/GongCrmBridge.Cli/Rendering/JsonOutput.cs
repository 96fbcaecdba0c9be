using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Cli.Rendering;

/// <summary>What the commands print with <c>--json</c>: indented, camelCase, enums by name (e.g. <c>"PICKLIST"</c>,
/// not 6), through serialization code generated at build time, so that a natively compiled tool prints the same.</summary>
internal static class JsonOutput
{
    public static string Serialize<T>(T value) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo<T>)CliOutputJson.Default.Options.GetTypeInfo(typeof(T)));
}

/// <summary>One change <c>schema push</c> made.</summary>
internal sealed record SchemaChangeOutput(string ObjectType, string Field, string Change, string Detail);

/// <summary>The status of an upload, with Gong's own status names.</summary>
internal sealed record RequestStatusOutput(
    string? Status, IReadOnlyList<RequestError> Errors, int? TotalErrorCount, int? TotalSuccessCount, string? RequestId);

/// <summary>The receipt of an integration's deletion.</summary>
internal sealed record DeletionOutput(long IntegrationId, string ClientRequestId, string? RequestId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<CrmSchemaField>>))]
[JsonSerializable(typeof(List<SchemaChangeOutput>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, JsonElement?>))]
[JsonSerializable(typeof(IReadOnlyList<CrmIntegration>))]
[JsonSerializable(typeof(CrmIntegration))]
[JsonSerializable(typeof(RequestStatusOutput))]
[JsonSerializable(typeof(DeletionOutput))]
[JsonSerializable(typeof(GongCrmBridge.ReadBack.VerificationReport))]
[JsonSerializable(typeof(GongCrmBridge.ReadBack.GongUserCheckResult))]
internal sealed partial class CliOutputJson : JsonSerializerContext;
