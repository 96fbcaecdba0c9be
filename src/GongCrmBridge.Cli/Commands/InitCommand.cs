using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge init</c>.</summary>
internal sealed class InitSettings : CommandSettings
{
    [CommandOption("-t|--type <TYPE>")]
    [Description("The object type: BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL or LEAD (guessed from the export when left out).")]
    public string? Type { get; init; }

    [CommandOption("--csv <FILE>")]
    [Description("A CSV export (the delimiter is detected). Repeat with --job for a whole job.")]
    public string[]? Csv { get; init; }

    [CommandOption("--job <DIR>")]
    [Description("Write a whole job into DIR: job.yaml and one mapping per --csv export.")]
    public string? Job { get; init; }

    [CommandOption("--rows <N>")]
    [Description("How many rows to read to learn date layouts, booleans, numbers and status values (default 1000).")]
    [DefaultValue(1000)]
    public int Rows { get; init; } = 1000;

    public override ValidationResult Validate()
    {
        if (Type is not null && !CrmObjectTypes.TryParseWireName(Type, out _))
        {
            return ValidationResult.Error("--type must be one of BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD.");
        }

        if (Csv is not { Length: > 0 })
        {
            return ValidationResult.Error("--csv is required.");
        }

        if (Job is null && Csv.Length > 1)
        {
            return ValidationResult.Error("several --csv need --job DIR (a mapping per export, and the job file).");
        }

        if (Job is not null && Type is not null && Csv.Length > 1)
        {
            return ValidationResult.Error("--type applies to one export: leave it out with several --csv (each export's type is guessed).");
        }

        return Rows < 1 ? ValidationResult.Error("--rows must be at least 1.") : ValidationResult.Success();
    }
}

/// <summary><c>gongbridge init --csv FILE [--type T]</c>: prints a mapping proposed from the export's header and first
/// rows, started from the ready-made mapping of a recognised CRM; with <c>--job DIR</c>, writes a whole job.</summary>
internal sealed class InitCommand(CliEnvironment environment) : Command<InitSettings>
{
    public override int Execute(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        CrmObjectType? type = CrmObjectTypes.TryParseWireName(settings.Type, out var given) ? given : null;
        var proposals = new List<MappingProposal>();
        foreach (var csv in settings.Csv!)
        {
            if (!File.Exists(csv))
            {
                environment.Console.MarkupLineInterpolated($"[red]{csv} {GongCrmBridge.Configuration.MissingFile.Why(csv)}.[/]");
                return ExitCodes.Configuration;
            }

            MappingProposal? proposal;
            try
            {
                proposal = MappingProposal.Make(csv, type, settings.Rows);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CsvHelper.CsvFormatException)
            {
                environment.Console.MarkupLineInterpolated($"[red]{csv}: cannot read the export: {ex.Message}[/]");
                return ExitCodes.Configuration;
            }

            if (proposal is null)
            {
                environment.Console.MarkupLineInterpolated($"[red]{csv}: cannot tell which object type the export holds: give --type (BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL or LEAD).[/]");
                return ExitCodes.Configuration;
            }

            proposals.Add(proposal);
        }

        if (settings.Job is null)
        {
            environment.Console.Profile.Out.Writer.Write(proposals[0].Text);
            return ExitCodes.Success;
        }

        // A whole job: an export that feeds more types in its CRM's ready-made set (Odoo's partners: accounts and
        // contacts; a deals export: the stages too) gets those entries as well, unless another export covers them.
        if (type is null)
        {
            proposals.AddRange(MappingProposal.Companions(proposals, settings.Rows));
        }

        return JobScaffold.Write(environment.Console, settings.Job, proposals);
    }
}
