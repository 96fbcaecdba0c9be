using GongCrmBridge.Configuration;
using GongCrmBridge.Tests.Mapping;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Tests.Configuration;

/// <summary>The YAML reader of job and mapping files: every problem collected, each at its node.</summary>
public sealed class ConfigYamlTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<ConfigurationProblem> _problems = [];

    public void Dispose() => _dir.Dispose();

    private (ConfigYaml Yaml, YamlMappingNode? Root) Open(string text) => ConfigYaml.Open(_dir.Write("file.yaml", text), _problems);

    private IEnumerable<(int Line, int Column, string Message)> Problems => _problems.Select(p => (p.Line, p.Column, p.Message));

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("- a\n- b\n", 1, 1)]
    [InlineData("just text\n", 1, 1)]
    public void Open_RootIsNotAMapping_IsOneProblemAndNoRoot(string text, int line, int column)
    {
        var (_, root) = Open(text);

        Assert.Null(root);
        Assert.Equal([(line, column, "the file must hold a YAML mapping (key: value lines)")], Problems);
    }

    [Fact]
    public void Open_KeyGivenTwice_IsInvalidYamlAtTheSecondKey()
    {
        var (_, root) = Open("a: 1\nb: 2\na: 3\n");

        Assert.Null(root);
        var problem = Assert.Single(_problems);
        Assert.Equal((3, 1), (problem.Line, problem.Column));
        Assert.StartsWith("not valid YAML: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_UnknownAndNonScalarKeys_AreProblemsAndSkipped()
    {
        var (yaml, root) = Open("a: 1\nb: 2\n[x]: 4\nc: 5\n");

        var entries = yaml.Entries(root!, "options", ["a", "b"]).Select(e => e.Key).ToList();

        Assert.Equal(["a", "b"], entries);
        Assert.Equal(
            [
                (3, 1, "options: a key must be a plain name"),
                (4, 1, "options: unknown key 'c' (expected one of: a, b)"),
            ],
            Problems);
    }

    [Fact]
    public void Scalars_ListEmptyOrNotANumber_AreProblemsAtTheValue()
    {
        var (yaml, root) = Open("list: [1, 2]\nempty: '  '\nnumber: ten\n");
        var values = root!.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e.Value, StringComparer.Ordinal);

        Assert.Null(yaml.Scalar(values["list"], "list"));
        Assert.Null(yaml.RequiredText(values["empty"], "empty"));
        Assert.Null(yaml.Number(values["number"], "number"));

        Assert.Equal(
            [
                (1, 7, "list must be a single value, not a list or a mapping"),
                (2, 8, "empty must not be empty"),
                (3, 9, "number must be a number"),
            ],
            Problems);
    }

    [Fact]
    public void Number_InvariantCulture_IsRead()
    {
        var (yaml, root) = Open("rate: 2.5\n");

        Assert.Equal(2.5, yaml.Number(root!.Children.Single().Value, "rate"));
        Assert.Empty(_problems);
    }

    [Fact]
    public void ResolvePath_RelativePath_IsTakenFromTheFilesFolder()
    {
        var (yaml, _) = Open("a: 1\n");

        Assert.Equal(Path.Combine(_dir.Root, "exports", "users.csv"), yaml.ResolvePath("exports/users.csv"));
        Assert.Equal(Path.Combine(_dir.Root, "file.yaml"), yaml.FilePath);
    }
}
