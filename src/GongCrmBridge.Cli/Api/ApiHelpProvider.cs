using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace GongCrmBridge.Cli.Api;

/// <summary>Spectre's help, except that a catalogue command lists only the options it takes, each with what it means
/// there (all catalogue commands share one settings class, <see cref="ApiSettings"/>, which declares them all).</summary>
internal sealed class ApiHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <summary>The shared options every catalogue command takes.</summary>
    private static readonly HashSet<string> Shared = new(StringComparer.Ordinal)
    {
        "help", "output", "fields", "dry-run", "sandbox", "base-url", "requests-per-second", "log-format", "verbose",
    };

    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, command is not null && ApiCatalogue.Find(CommandLine(command)) is { } spec ? new Filtered(command, spec) : command);

    private static string CommandLine(ICommandInfo command)
    {
        var words = new List<string>();
        for (var current = command; current is not null; current = current.Parent)
        {
            words.Insert(0, current.Name);
        }

        return string.Join(' ', words);
    }

    /// <summary>The command as help sees it: its own options and the shared ones that apply.</summary>
    private sealed class Filtered(ICommandInfo inner, ApiCommandSpec spec) : ICommandInfo
    {
        public string Name => inner.Name;

        public string? Description => inner.Description;

        public bool IsBranch => inner.IsBranch;

        public bool IsDefaultCommand => inner.IsDefaultCommand;

        public bool IsHidden => inner.IsHidden;

        public ICommandInfo? Parent => inner.Parent;

        public IReadOnlyList<ICommandInfo> Commands => inner.Commands;

        public ICommandInfo? DefaultCommand => inner.DefaultCommand;

        public IReadOnlyList<string[]> Examples => inner.Examples;

        public IReadOnlyList<ICommandParameter> Parameters =>
        [
            .. inner.Parameters.OfType<ICommandOption>().Select(option => (Option: option, Argument: spec.Arguments.FirstOrDefault(a => option.LongNames.Any(name => "--" + name == a.Flag.Name))))
                .Where(pair => pair.Argument is not null || Applies(pair.Option))
                .Select(pair => pair.Argument is null ? (ICommandParameter)pair.Option : new Described(pair.Option, pair.Argument)),
        ];

        private bool Applies(ICommandOption option) => option.LongNames.Any(name => Shared.Contains(name) || name switch
        {
            "all" or "cursor" => spec.Operation.Paging != Gong.Operations.GongPaging.None,
            "yes" => spec.Operation.DestroysData,
            "body" => spec.Operation.Body == Gong.Operations.GongBodyKind.Json,
            _ => false,
        });
    }

    /// <summary>An option with the catalogue's words for this command, and required when the command needs it.</summary>
    private sealed class Described(ICommandOption inner, ApiArgument argument) : ICommandOption
    {
        public IReadOnlyList<string> LongNames => inner.LongNames;

        public IReadOnlyList<string> ShortNames => inner.ShortNames;

        public string? ValueName => inner.ValueName;

        public bool ValueIsOptional => inner.ValueIsOptional;

        public bool IsFlag => inner.IsFlag;

        public bool IsRequired => argument.Required && argument.Target != ArgumentTarget.Body;

        public string? Description => argument.Help;

        public System.ComponentModel.DefaultValueAttribute? DefaultValue => inner.DefaultValue;

        public bool IsHidden => false;
    }
}
