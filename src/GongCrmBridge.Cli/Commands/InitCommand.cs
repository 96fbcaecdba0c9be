using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge init</c>.</summary>
internal sealed class InitSettings : CommandSettings
{
    [CommandOption("-t|--type <TYPE>")]
    [Description("The object type: BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL or LEAD.")]
    public string? Type { get; init; }

    [CommandOption("--csv <FILE>")]
    [Description("A CSV export whose header the mapping is made from (the delimiter is detected).")]
    public string? Csv { get; init; }

    public override ValidationResult Validate()
    {
        if (!CrmObjectTypes.TryParseWireName(Type, out _))
        {
            return ValidationResult.Error("--type must be one of BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD.");
        }

        return string.IsNullOrWhiteSpace(Csv) ? ValidationResult.Error("--csv is required.") : ValidationResult.Success();
    }
}

/// <summary><c>gongbridge init --type T --csv FILE</c>: prints a starting mapping made from the export's header.</summary>
internal sealed class InitCommand(CliEnvironment environment) : Command<InitSettings>
{
    public override int Execute(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        CrmObjectTypes.TryParseWireName(settings.Type, out var type);
        if (!File.Exists(settings.Csv))
        {
            environment.Console.MarkupLineInterpolated($"[red]{settings.Csv} {GongCrmBridge.Configuration.MissingFile.Why(settings.Csv!)}.[/]");
            return ExitCodes.Configuration;
        }

        var header = CsvHeader.Read(settings.Csv!);
        environment.Console.Profile.Out.Writer.Write(MappingSkeleton.Create(type, header, Path.GetFileName(settings.Csv!)));
        return ExitCodes.Success;
    }
}
