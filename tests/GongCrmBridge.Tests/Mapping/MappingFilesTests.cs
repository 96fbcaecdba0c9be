using GongCrmBridge.Mapping;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Tests.Mapping;

/// <summary>Docs are tested: every mapping users start from loads and compiles.</summary>
public sealed class MappingFilesTests
{
    public static TheoryData<string> MappingFiles => [.. RelativePaths()];

    [Theory]
    [MemberData(nameof(MappingFiles))]
    public void Load_EveryFileInMappings_CompilesWithoutProblems(string relativePath)
    {
        var mapping = MappingLoader.Load(Path.Combine(Repository.Root, relativePath), expectedType: null);

        Assert.NotEmpty(mapping.Columns);
        Assert.EndsWith(".yaml", mapping.MappingPath, StringComparison.Ordinal);
    }

    [Fact]
    public void MappingFiles_CoverEveryFolder()
    {
        Assert.Equal(
            ["acme", "benchmark", "dynamics365", "hubspot", "odoo", "pipedrive", "salesforce", "salesforce-report", "zoho"],
            RelativePaths().Select(Folder).Distinct().Order(StringComparer.Ordinal));
    }

    private static string Folder(string relativePath) => relativePath.Split(Path.DirectorySeparatorChar)[1];

    private static IEnumerable<string> RelativePaths() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "mappings"), "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repository.Root, path))
            .Order(StringComparer.Ordinal);
}
