using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge sync</c>.</summary>
internal sealed class SyncSettings : JobSettings
{
    [CommandOption("--dry-run")]
    [Description("Read, map, validate and batch; write the report; send nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--sandbox")]
    [Description("Run against the built-in Gong emulator, started in process.")]
    public bool Sandbox { get; init; }

    [CommandOption("--full")]
    [Description("Ignore the stored hashes and send every record.")]
    public bool Full { get; init; }

    [CommandOption("--allow-deletes")]
    [Description("Mirror mode: send the deletes even when they exceed options.maxDeletePercent (never for an empty export).")]
    public bool AllowDeletes { get; init; }

    [CommandOption("--ignore-budget")]
    [Description("Send even when the plan exceeds options.dailyCallBudget minus today's calls.")]
    public bool IgnoreBudget { get; init; }

    [CommandOption("--max-wait <MINUTES>")]
    [Description("Longest Retry-After of a 429 worth waiting for; a longer one stops the run, uploads pending for the next. Default: 5.")]
    public double? MaxWaitMinutes { get; init; }

    [CommandOption("--allow-field-removal")]
    [Description("Delete custom fields that Gong has but the job no longer declares (their values are deleted too).")]
    public bool AllowFieldRemoval { get; init; }

    [CommandOption("--check-users")]
    [Description("Before uploading, check the business users' e-mails against Gong's users: an unknown-gong-user warning for those Gong does not know.")]
    public bool CheckUsers { get; init; }

    [CommandOption("--keep-batches")]
    [Description("Keep the uploaded LDJSON files in the report folder (a failed or stopped run always keeps them).")]
    public bool KeepBatches { get; init; }

    [CommandOption("--requests-per-second <N>")]
    [Description("Client-side throttle for every call of the run. Default: the job's options.requestsPerSecond (3).")]
    public double? RequestsPerSecond { get; init; }

    [CommandOption("--min-upload-rate <KB_PER_SECOND>")]
    [Description("The slowest upstream an upload is given time for: an upload attempt may take 100 s plus its size at this rate. Default: 250 (2 Mbit/s; 900 s for 200 MB).")]
    public double? MinUploadKilobytesPerSecond { get; init; }

    [CommandOption("--poll-first <SECONDS>")]
    [Description("Wait before the first request-status poll of an upload. Default: 3 (0.05 with --sandbox).")]
    public double? PollFirstSeconds { get; init; }

    [CommandOption("--poll-max <SECONDS>")]
    [Description("Longest wait between two polls; waits grow by 1.6x up to it. Default: 60.")]
    public double? PollMaxSeconds { get; init; }

    [CommandOption("--status-timeout <MINUTES>")]
    [Description("Give up on an upload that is still pending after this long. Default: 120.")]
    public double? StatusTimeoutMinutes { get; init; }

    [CommandOption("--max-error-rounds <N>")]
    [Description("Uploads spent per file to name Gong's errors beyond the 20 it reports at a time. Default: 10.")]
    public int? MaxErrorRounds { get; init; }

    public override ValidationResult Validate()
    {
        var basic = base.Validate();
        if (!basic.Successful)
        {
            return basic;
        }

        if (RequestsPerSecond is <= 0 || PollFirstSeconds is < 0 || PollMaxSeconds is <= 0 || StatusTimeoutMinutes is <= 0 || MaxErrorRounds is < 1
            || MaxWaitMinutes is <= 0 || MinUploadKilobytesPerSecond is < 0.001)
        {
            return ValidationResult.Error("--requests-per-second, --min-upload-rate, --poll-*, --status-timeout, --max-wait and --max-error-rounds must be positive.");
        }

        return DryRun && Sandbox ? ValidationResult.Error("--dry-run sends nothing; --sandbox makes no sense with it.") : ValidationResult.Success();
    }
}
