using System.ComponentModel;
using System.Diagnostics;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Samples;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge samples generate</c>.</summary>
internal sealed class SamplesGenerateSettings : CommandSettings
{
    [CommandOption("-t|--type <TYPE>")]
    [Description("The object type of the export.")]
    public string? Type { get; init; }

    [CommandOption("--rows <N>")]
    [Description("How many records. Default: 1,000,000.")]
    [DefaultValue(1_000_000L)]
    public long Rows { get; init; } = 1_000_000;

    [CommandOption("-o|--out <FILE>")]
    [Description("The CSV file to write.")]
    public string? Out { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Random seed; the same seed writes the same file. Default: 42.")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    public override ValidationResult Validate() =>
        !CrmObjectTypes.TryParseWireName(Type, out _) ? ValidationResult.Error("--type must be one of BUSINESS_USER, STAGE, ACCOUNT, CONTACT, DEAL, LEAD.")
        : Rows < 0 ? ValidationResult.Error("--rows must not be negative.")
        : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out is required.")
        : ValidationResult.Success();
}

/// <summary><c>gongbridge samples generate --type ACCOUNT --rows 1000000 --out accounts.csv</c>.</summary>
internal sealed class SamplesGenerateCommand(CliEnvironment environment) : Command<SamplesGenerateSettings>
{
    public override int Execute(CommandContext context, SamplesGenerateSettings settings, CancellationToken cancellationToken)
    {
        CrmObjectTypes.TryParseWireName(settings.Type, out var type);
        var watch = Stopwatch.StartNew();
        SyntheticExports.WriteCsv(type, settings.Rows, settings.Out!, settings.Seed);
        environment.Console.MarkupLineInterpolated($"Wrote {settings.Rows:N0} {type.ToWireName()} rows to {settings.Out} in {watch.Elapsed.TotalSeconds:F1} s.");
        return ExitCodes.Success;
    }
}
