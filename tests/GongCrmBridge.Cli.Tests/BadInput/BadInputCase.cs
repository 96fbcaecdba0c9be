using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Cli.Tests.BadInput;

/// <summary>One case of the bad-input suite: a folder under <c>BadInput/cases</c> holding the inputs, the job and
/// mappings, and <c>expect.yaml</c> (see <c>BadInput/README.md</c> for its keys).</summary>
internal sealed record BadInputCase(string Name, string Folder, YamlMappingNode Expect)
{
    public static string CasesFolder { get; } = Infrastructure.Repository.PathOf("tests", "GongCrmBridge.Cli.Tests", "BadInput", "cases");

    /// <summary>Gets the command line; <c>{report}</c> and <c>{case}</c> are replaced by the run's folders.</summary>
    public IReadOnlyList<string> Args => Strings("args") is { Count: > 0 } args ? args : ["validate", "--job", "{case}/job.yaml", "--report", "{report}"];

    public int Exit => int.Parse(Text("exit") ?? throw new InvalidDataException($"{Name}: expect.yaml has no exit"), CultureInfo.InvariantCulture);

    /// <summary>Gets fragments the output (console and the report's rejections.csv) must hold, e.g. the file and line.</summary>
    public IReadOnlyList<string> Messages => Strings("messages");

    /// <summary>Gets fragments the output must not hold.</summary>
    public IReadOnlyList<string> Absent => Strings("absent");

    public IReadOnlyDictionary<string, string> Environment => Map("env");

    /// <summary>Gets the physical records per object type of the input: the summary must read exactly these.</summary>
    public IReadOnlyDictionary<string, long> Records =>
        Map("records").ToDictionary(p => p.Key, p => long.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Gets the rows rejections.csv must hold: <c>{ line, stage, reason, objectId }</c>, each key optional.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rejections =>
        Expect.Children.TryGetValue("rejections", out var node) && node is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlMappingNode>().Select(Pairs)]
            : [];

    /// <summary>Gets how many rows rejections.csv holds, when the case says.</summary>
    public int? RejectedCount => Text("rejected") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>Gets the files the generator writes before the run (<see cref="CaseFiles"/>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Generate =>
        Expect.Children.TryGetValue("generate", out var node) && node is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlMappingNode>().Select(Pairs)]
            : [];

    /// <summary>Gets a file the test holds open exclusively during the run (an export that cannot be opened).</summary>
    public string? Lock => Text("lock");

    public static IEnumerable<BadInputCase> All() =>
        Directory.EnumerateDirectories(CasesFolder)
            .Order(StringComparer.Ordinal)
            .Select(folder => Load(Path.GetFileName(folder)));

    public static BadInputCase Load(string name)
    {
        var folder = Path.Combine(CasesFolder, name);
        var stream = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(folder, "expect.yaml")))
        {
            stream.Load(reader);
        }

        return new BadInputCase(name, folder, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    private static Dictionary<string, string> Pairs(YamlMappingNode map) =>
        map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? string.Empty, StringComparer.Ordinal);

    private string? Text(string key) =>
        Expect.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private List<string> Strings(string key) =>
        Expect.Children.TryGetValue(key, out var node) && node is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)]
            : [];

    private Dictionary<string, string> Map(string key) =>
        Expect.Children.TryGetValue(key, out var node) && node is YamlMappingNode map ? Pairs(map) : new Dictionary<string, string>(StringComparer.Ordinal);
}
