using System.Text.Json;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Gong.Tests.Support;

namespace GongCrmBridge.Gong.Tests.Operations;

/// <summary>The client's operation table against Gong's official document (<c>openapi.json</c>) and OPERATIONS.md:
/// every method, path, operationId, parameter, body and cursor exists as Gong documents it, except where the document
/// is known to be wrong (OPERATIONS.md, "Known defects"), and every listed operation is in the table once.</summary>
public sealed class GongOperationsConformanceTests
{
    /// <summary>Parameters the client sends although the document does not declare them (defect: <c>uploadCrmData</c>).</summary>
    private static readonly HashSet<(string OperationId, string Parameter)> UndeclaredButSent =
    [
        ("uploadCrmData", "integrationId"), ("uploadCrmData", "objectType"), ("uploadCrmData", "clientRequestId"),
    ];

    /// <summary>Parameters the document declares that the client sends elsewhere (defect: ids in the body of the GET).</summary>
    private static readonly HashSet<(string OperationId, string Parameter)> DeclaredButSentElsewhere = [("getCrmObjects", "objectsCrmIds")];

    /// <summary>Parameters the document marks required that Gong does without (defects: schema for all types, calls
    /// from the first to the latest).</summary>
    private static readonly HashSet<(string OperationId, string Parameter)> RequiredOnlyOnPaper =
    [
        ("listCrmSchemaFields", "objectType"), ("listCalls", "fromDateTime"), ("listCalls", "toDateTime"),
    ];

    /// <summary>Operations whose body differs from the document (defect: the GET of CRM objects takes a JSON body).</summary>
    private static readonly HashSet<string> BodyNotInDocument = ["getCrmObjects"];

    public static TheoryData<string> DocumentedOperations() => [.. GongOperations.All.Where(o => !o.LegacyOnly).Select(o => o.OperationId)];

    [Fact]
    public void All_FiftyFourOperations_EachOnce()
    {
        Assert.Equal(54, GongOperations.All.Count);
        Assert.Equal(54, GongOperations.All.Select(o => o.Name).Distinct().Count());
        Assert.Equal(54, GongOperations.All.Select(o => o.OperationId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(DocumentedOperations))]
    public void Operation_MethodPathAndOperationId_AreInGongsDocument(string operationId)
    {
        var operation = Find(operationId);

        var documented = GongDocuments.Operation(GongDocuments.OpenApi, operation.Method, operation.Path);

        Assert.True(documented is not null, $"{operation.Name} is not in openapi.json");
        Assert.Equal(operation.DocumentedOperationId ?? operation.OperationId, documented.Value.GetProperty("operationId").GetString());
    }

    [Theory]
    [MemberData(nameof(DocumentedOperations))]
    public void Operation_Parameters_AreTheDocumentsWithTheirLocationAndRequirement(string operationId)
    {
        // Given the operation and Gong's description of it
        var operation = Find(operationId);
        var documented = DocumentedParameters(operation);

        // Then every parameter the client sends is documented at the same place (or a known omission of the document)
        foreach (var parameter in operation.Parameters)
        {
            if (UndeclaredButSent.Contains((operationId, parameter.Name)))
            {
                Assert.False(documented.ContainsKey(parameter.Name), $"{operation.Name}: '{parameter.Name}' is documented now; drop the exception");
                continue;
            }

            Assert.True(documented.TryGetValue(parameter.Name, out var found), $"{operation.Name}: '{parameter.Name}' is not in openapi.json");
            Assert.Equal(parameter.In == GongParameterLocation.Path ? "path" : "query", found.In);
            var required = found.Required && !RequiredOnlyOnPaper.Contains((operationId, parameter.Name));
            Assert.True(required == parameter.Required, $"{operation.Name}: '{parameter.Name}' required is {parameter.Required}, the document says {found.Required}");
        }

        // And every documented parameter is sent (or sent where Gong really reads it)
        foreach (var name in documented.Keys.Where(name => operation.Parameters.All(p => p.Name != name)))
        {
            Assert.True(DeclaredButSentElsewhere.Contains((operationId, name)), $"{operation.Name}: the document's '{name}' is never sent");
        }
    }

    [Theory]
    [MemberData(nameof(DocumentedOperations))]
    public void Operation_Body_IsTheDocumentsKind(string operationId)
    {
        var operation = Find(operationId);
        var documented = GongDocuments.Operation(GongDocuments.OpenApi, operation.Method, operation.Path)!.Value;

        var kind = !documented.TryGetProperty("requestBody", out var body) ? GongBodyKind.None
            : body.GetProperty("content").TryGetProperty("multipart/form-data", out _) ? GongBodyKind.Multipart
            : GongBodyKind.Json;

        if (BodyNotInDocument.Contains(operationId))
        {
            Assert.Equal(GongBodyKind.None, kind);
            Assert.Equal(GongBodyKind.Json, operation.Body);
            return;
        }

        Assert.Equal(kind, operation.Body);
        if (kind == GongBodyKind.Multipart)
        {
            var schema = body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
            Assert.True(schema.GetProperty("properties").TryGetProperty(operation.FilePart!, out _), $"{operation.Name}: no part '{operation.FilePart}'");
        }
    }

    [Theory]
    [MemberData(nameof(DocumentedOperations))]
    public void Operation_Cursor_IsWhereTheDocumentTakesIt(string operationId)
    {
        var operation = Find(operationId);
        var documented = GongDocuments.Operation(GongDocuments.OpenApi, operation.Method, operation.Path)!.Value;

        var inQuery = DocumentedParameters(operation).TryGetValue("cursor", out var cursor) && cursor.In == "query";
        var inBody = BodySchema(documented) is { } schema && schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("cursor", out _);

        Assert.Equal(inQuery ? GongPaging.CursorInQuery : inBody ? GongPaging.CursorInBody : GongPaging.None, operation.Paging);
    }

    [Fact]
    public void LegacyOperation_ManualCrmAssociations_OnlyInThe2023Document()
    {
        var legacy = Assert.Single(GongOperations.All, o => o.LegacyOnly);

        Assert.Null(GongDocuments.Operation(GongDocuments.OpenApi, legacy.Method, legacy.Path));
        var documented = GongDocuments.Operation(GongDocuments.LegacySwagger, legacy.Method, legacy.Path);
        Assert.NotNull(documented);
        Assert.Equal(legacy.OperationId, documented.Value.GetProperty("operationId").GetString());
        var parameters = documented.Value.GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())).ToHashSet();
        Assert.All(legacy.Parameters, p => Assert.Contains((p.Name, "query"), parameters));
    }

    [Fact]
    public void OperationsMd_EveryRow_IsOneOperationWithItsScopeAndPaging()
    {
        // Given the 54 rows of OPERATIONS.md
        var rows = GongDocuments.OperationRows;
        Assert.Equal(54, rows.Count);

        // Then each matches exactly one operation by method and path, with the same scope and paging, and none is left over
        foreach (var row in rows)
        {
            var operation = Assert.Single(GongOperations.All, o => o.Method == row.Method && o.Path == row.Path);
            Assert.True(row.Scope == operation.Scope, $"#{row.Number} {operation.Name}: scope {operation.Scope ?? "none"}, OPERATIONS.md says {row.Scope ?? "none"}");
            var paging = row.Pagination switch
            {
                "cursor query param" => GongPaging.CursorInQuery,
                "cursor in body" => GongPaging.CursorInBody,
                "none" => GongPaging.None,
                _ => throw new InvalidOperationException($"#{row.Number}: unknown pagination '{row.Pagination}'"),
            };
            Assert.Equal(paging, operation.Paging);
        }

        Assert.Equal(rows.Select(r => r.Method + " " + r.Path).Order(), GongOperations.All.Select(o => o.Name).Order());
    }

    private static GongOperation Find(string operationId) => GongOperations.All.Single(o => o.OperationId == operationId);

    private static Dictionary<string, (string In, bool Required)> DocumentedParameters(GongOperation operation)
    {
        var documented = GongDocuments.Operation(GongDocuments.OpenApi, operation.Method, operation.Path)!.Value;
        var result = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        if (documented.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                result[parameter.GetProperty("name").GetString()!] = (
                    parameter.GetProperty("in").GetString()!,
                    parameter.TryGetProperty("required", out var required) && required.GetBoolean());
            }
        }

        return result;
    }

    /// <summary>The JSON body's schema, its <c>$ref</c> resolved.</summary>
    private static JsonElement? BodySchema(JsonElement documented)
    {
        if (!documented.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            return null;
        }

        var schema = json.GetProperty("schema");
        return schema.TryGetProperty("$ref", out var reference)
            ? GongDocuments.OpenApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
    }
}
