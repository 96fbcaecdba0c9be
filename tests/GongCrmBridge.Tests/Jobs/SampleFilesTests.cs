using GongCrmBridge.Gong.Models;
using GongCrmBridge.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Tests.Jobs;

// Light checks of the committed samples/ and mappings/ that need no mapping loader: the loader's own tests load
// every mapping and dry-run every job.
public sealed class SampleFilesTests
{
    public static TheoryData<string> Jobs =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "samples"), "job.yaml", SearchOption.AllDirectories)];

    public static TheoryData<string> Mappings =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "mappings"), "*.yaml", SearchOption.AllDirectories)];

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Job_EveryObject_PointsAtAnExistingExportAndAMappingOfItsType(string jobPath)
    {
        var job = Load(jobPath);
        var folder = Path.GetDirectoryName(jobPath)!;
        var objects = (YamlSequenceNode)job.Children["objects"];

        Assert.NotEmpty(objects.Children);
        foreach (YamlMappingNode entry in objects.Children)
        {
            var type = Scalar(entry, "type");
            var source = (YamlMappingNode)entry.Children["source"];
            var exportPath = Path.Combine(folder, Scalar(source, "path"));
            var mappingPath = Path.Combine(folder, Scalar(entry, "mapping"));

            Assert.True(CrmObjectTypes.TryParseWireName(type, out _), $"{jobPath}: unknown type {type}");
            Assert.True(File.Exists(exportPath), $"{jobPath}: {exportPath} is missing");
            Assert.True(File.Exists(mappingPath), $"{jobPath}: {mappingPath} is missing");
            Assert.Equal(type, Scalar(Load(mappingPath), "objectType"));
        }
    }

    [Fact]
    public void AcmeJob_ListsAllSixObjectTypes()
    {
        var job = Load(Path.Combine(Repository.Root, "samples", "acme", "job.yaml"));

        var types = ((YamlSequenceNode)job.Children["objects"]).Children.Cast<YamlMappingNode>().Select(o => Scalar(o, "type"));

        Assert.Equal(CrmObjectTypes.InDependencyOrder.Select(t => t.ToWireName()).Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
        Assert.Equal("Acme CRM", Scalar((YamlMappingNode)job.Children["integration"], "name"));
        Assert.Equal("https://us-12345.api.gong.io", Scalar((YamlMappingNode)job.Children["gong"], "baseUrl"));
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Mapping_TopLevel_HasObjectTypeObjectIdModifiedDateAndOnlyKnownKeys(string mappingPath)
    {
        var mapping = Load(mappingPath);
        string[] allowed = ["objectType", "objectId", "modifiedDate", "isDeleted", "url", "where", "nullValues", "onInvalid", "fields", "customFields"];

        Assert.True(CrmObjectTypes.TryParseWireName(Scalar(mapping, "objectType"), out _));
        Assert.Contains(new YamlScalarNode("objectId"), mapping.Children.Keys);
        Assert.Contains(new YamlScalarNode("modifiedDate"), mapping.Children.Keys);
        Assert.All(mapping.Children.Keys, key => Assert.Contains(((YamlScalarNode)key).Value, allowed));
    }

    private static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;
}
