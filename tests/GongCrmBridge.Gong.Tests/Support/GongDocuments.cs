using System.Text.Json;
using System.Text.RegularExpressions;

namespace GongCrmBridge.Gong.Tests.Support;

/// <summary>Gong's API documents beside the repository (<c>../shared/gong-api/</c>; CI has them there too): the
/// official OpenAPI document, the 2023 Swagger document, and OPERATIONS.md, the list of operations the tool covers.</summary>
internal static partial class GongDocuments
{
    public static string Folder { get; } = FindFolder();

    public static JsonElement OpenApi { get; } = Load("openapi.json");

    public static JsonElement LegacySwagger { get; } = Load("legacy-swagger-2023.json");

    /// <summary>The rows of OPERATIONS.md's table.</summary>
    public static IReadOnlyList<OperationRow> OperationRows { get; } = ReadRows();

    /// <summary>The operation of <paramref name="document"/> at a path and method, if it has one.</summary>
#pragma warning disable CA1308 // OpenAPI keys a path's operations by the lower-case method name; not a comparison
    public static JsonElement? Operation(JsonElement document, string method, string path) =>
        document.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            ? operation
            : null;
#pragma warning restore CA1308

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GongCrmBridge.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "gong-api"));
                return Directory.Exists(folder)
                    ? folder
                    : throw new InvalidOperationException($"Gong's API documents are expected in {folder} (../shared/gong-api beside the repository).");
            }
        }

        throw new InvalidOperationException("Tests must run inside the repository.");
    }

    private static JsonElement Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name)));
        return document.RootElement.Clone();
    }

    private static List<OperationRow> ReadRows()
    {
        var rows = new List<OperationRow>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "OPERATIONS.md")))
        {
            var match = RowPattern().Match(line);
            if (match.Success)
            {
                var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
                var scope = cells[5].Trim('`');
                rows.Add(new OperationRow(
                    int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["method"].Value,
                    match.Groups["path"].Value,
                    scope.StartsWith("api:", StringComparison.Ordinal) ? scope.Split('`')[0].Trim() : null,
                    cells[7]));
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^\| (?<number>\d+) \| [^|]* \| `(?<method>[A-Z]+) (?<path>[^`]+)` \|")]
    private static partial Regex RowPattern();
}

/// <summary>One row of OPERATIONS.md: number, method, path, scope (null when "not stated"), pagination.</summary>
internal sealed record OperationRow(int Number, string Method, string Path, string? Scope, string Pagination);
