using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>The options every command accepts (SPEC.md, "Common options").</summary>
internal class CommonSettings : CommandSettings
{
    [CommandOption("--base-url <URL>")]
    [Description("Gong's API base URL (else GONG_BASE_URL, else the job file). Non-loopback http:// is refused.")]
    public string? BaseUrl { get; init; }

    [CommandOption("--report <DIR>")]
    [Description("Folder for summary.json, rejections.csv and the run log. Default: reports/<run id>/.")]
    public string? Report { get; init; }

    [CommandOption("--state <DIR>")]
    [Description("Folder of the run-state database. Default: .gongbridge/ beside the job file.")]
    public string? State { get; init; }

    [CommandOption("--log-format <FORMAT>")]
    [Description("text (default) or json: one JSON object per log line, for schedulers.")]
    [DefaultValue(LogFormat.Text)]
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    [CommandOption("--verbose")]
    [Description("Log debug details too.")]
    public bool Verbose { get; init; }
}

/// <summary>Options of the commands that run a job file.</summary>
internal class JobSettings : CommonSettings
{
    [CommandOption("-j|--job <FILE>")]
    [Description("The job file (YAML).")]
    public string? Job { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Job) ? ValidationResult.Error("--job is required.") : ValidationResult.Success();
}
