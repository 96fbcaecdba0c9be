using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Sandbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge sandbox serve</c>.</summary>
internal sealed class SandboxServeSettings : CommandSettings
{
    [CommandOption("-p|--port <PORT>")]
    [Description("Port on 127.0.0.1. Default: 5055.")]
    [DefaultValue(5055)]
    public int Port { get; init; } = 5055;

    [CommandOption("--requests-per-second <N>")]
    [Description("Calls per second before 429. Default: Gong's 3.")]
    public double? RequestsPerSecond { get; init; }

    [CommandOption("--requests-per-day <N>")]
    [Description("Calls per day before 429. Default: Gong's 10,000.")]
    public int? RequestsPerDay { get; init; }

    [CommandOption("--processing-delay <SECONDS>")]
    [Description("How long an upload stays PENDING/IN_PROGRESS. Default: 0 (two polls).")]
    public double? ProcessingDelaySeconds { get; init; }

    [CommandOption("--page-size <N>")]
    [Description("Records per page of list answers before records.cursor points to the next. Default: 100.")]
    public int? PageSize { get; init; }

    public override ValidationResult Validate() =>
        PageSize is <= 0 ? ValidationResult.Error("--page-size must be positive.")
        : Port is < 0 or > 65535 ? ValidationResult.Error("--port must be between 0 and 65535.")
        : RequestsPerSecond is <= 0 || RequestsPerDay is <= 0 || ProcessingDelaySeconds is < 0 ? ValidationResult.Error("Limits and delays must be positive.")
        : ValidationResult.Success();
}

/// <summary><c>gongbridge sandbox serve --port 5055</c>: the emulator as a standalone server until Ctrl+C.</summary>
internal sealed class SandboxServeCommand(CliEnvironment environment) : AsyncCommand<SandboxServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SandboxServeSettings settings, CancellationToken cancellationToken)
    {
        var key = environment.GetVariable("GONG_ACCESS_KEY");
        var secret = environment.GetVariable("GONG_ACCESS_KEY_SECRET");
        var fromEnvironment = !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret);
        var generated = SandboxOptions.WithGeneratedCredentials();
        var defaults = new SandboxOptions();
        var options = new SandboxOptions
        {
            AccessKey = fromEnvironment ? key! : generated.AccessKey,
            AccessKeySecret = fromEnvironment ? secret! : generated.AccessKeySecret,
            BearerToken = environment.GetVariable("GONG_BEARER_TOKEN"),
            RequestsPerSecond = settings.RequestsPerSecond ?? defaults.RequestsPerSecond,
            RequestsPerDay = settings.RequestsPerDay ?? defaults.RequestsPerDay,
            ProcessingDelay = TimeSpan.FromSeconds(settings.ProcessingDelaySeconds ?? 0),
            PageSize = settings.PageSize ?? defaults.PageSize,
            AllowUnderscoreInObjectId = true, // Gong's own examples use '_' in objectIds
        };

        await using var sandbox = await GongSandbox.StartAsync(options, settings.Port, cancellationToken);
        var console = environment.Console;
        console.MarkupLineInterpolated($"Gong emulator listening on [bold]{sandbox.BaseUrl}[/]");
        if (fromEnvironment)
        {
            console.MarkupLine("It accepts the credentials in GONG_ACCESS_KEY / GONG_ACCESS_KEY_SECRET (and GONG_BEARER_TOKEN when set).");
        }
        else
        {
            // Generated for this process only and useless elsewhere, so printing them is how a user gets them.
            console.MarkupLine("It accepts these generated credentials:");
            console.MarkupLineInterpolated($"  export GONG_ACCESS_KEY={options.AccessKey}");
            console.MarkupLineInterpolated($"  export GONG_ACCESS_KEY_SECRET={options.AccessKeySecret}");
        }

        console.MarkupLineInterpolated($"  export GONG_BASE_URL={sandbox.BaseUrl}");
        console.MarkupLineInterpolated($"Limits: {options.RequestsPerSecond} calls/s, {options.RequestsPerDay} calls/day. Ctrl+C stops it.");
        console.MarkupLineInterpolated($"It holds {options.Users.Count} users and {options.Calls.Count} calls (gongbridge users list, calls search --context Extended), {options.PageSize} records per page.");

        // Serve until Ctrl+C: the stop is the only thing to wait for, so no timer is involved.
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => stopped.TrySetResult()))
        {
            await stopped.Task;
        }

        console.MarkupLine("Stopping the emulator.");

        await sandbox.StopAsync(CancellationToken.None);
        return ExitCodes.Success;
    }
}
