using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.State;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge state show</c>.</summary>
internal sealed class StateShowSettings : CommonSettings
{
    [CommandOption("-j|--job <FILE>")]
    [Description("A job file: its state is .gongbridge/ beside it (unless --state says otherwise).")]
    public string? Job { get; init; }

    [CommandOption("--runs <N>")]
    [Description("How many of the last runs to list. Default: 10.")]
    [DefaultValue(10)]
    public int Runs { get; init; } = 10;

    [CommandOption("--json")]
    [Description("Print the state as JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(State) && string.IsNullOrWhiteSpace(Job))
        {
            return ValidationResult.Error("state show needs --state DIR or --job JOB.yaml (whose state is .gongbridge/ beside it).");
        }

        return Runs < 1 ? ValidationResult.Error("--runs must be at least 1.") : ValidationResult.Success();
    }
}

/// <summary><c>gongbridge state show [--state DIR | --job JOB] [--json]</c>: the last runs with their exit codes, the
/// uploads the next sync finishes first, tracked objects per type, Gong calls made today.</summary>
/// <remarks>Reads the state while a sync runs (WAL lets it); never takes the run lock; does not create a state where
/// there is none.</remarks>
internal sealed class StateShowCommand(CliEnvironment environment) : Command<StateShowSettings>
{
    public override int Execute(CommandContext context, StateShowSettings settings, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(settings.State ?? StateStore.DefaultDirectory(settings.Job!));
        if (settings.State is null && !File.Exists(settings.Job))
        {
            environment.Console.MarkupLineInterpolated($"[red]{settings.Job}: no such job file.[/]");
            return ExitCodes.Configuration;
        }

        if (!StateStore.Exists(directory))
        {
            if (settings.Json)
            {
                WriteJson(new StateShowOutput(directory, Exists: false, null, null, null, 0, [], [], []));
            }
            else
            {
                environment.Console.MarkupLineInterpolated($"No state in {directory} yet: no sync has run with it.");
            }

            return ExitCodes.Success;
        }

        StateOverview overview;
        try
        {
            using var store = StateStore.Open(directory);
            overview = store.Overview(settings.Runs);
        }
        catch (StateException exception)
        {
            environment.Console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitCodes.Configuration;
        }

        if (settings.Json)
        {
            WriteJson(StateShowOutput.From(overview));
        }
        else
        {
            Render(environment.Console, overview);
        }

        return ExitCodes.Success;
    }

    private void WriteJson(StateShowOutput output) =>
        environment.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(output, StateShowJson.Default.StateShowOutput));

    private static void Render(IAnsiConsole console, StateOverview state)
    {
        console.MarkupLineInterpolated($"State  {state.Directory}  (schema version {state.SchemaVersion})");
        console.MarkupLineInterpolated($"Lock   {LockText(state)}");
        console.MarkupLineInterpolated($"Gong calls today ({state.Today:yyyy-MM-dd} UTC): {Number(state.CallsToday)}");

        var runs = new Table().Border(TableBorder.Rounded).Title("Last runs");
        foreach (var column in new[] { "Run", "Started (UTC)", "Took", "Mode", "Exit", "Calls", "Accepted", "Rejected", "Unchanged" })
        {
            runs.AddColumn(column);
        }

        foreach (var run in state.LastRuns)
        {
            var sum = (Func<RunTypeCounts, long> pick) => run.FinishedAt is null ? "-" : Number(run.Counts.Sum(pick));
            runs.AddRow(
                Markup.Escape(run.RunId),
                Time(run.StartedAt),
                run.FinishedAt is { } finished ? Duration(finished - run.StartedAt) : "[yellow]not finished[/]",
                run.Mode + (run.Full ? " --full" : string.Empty),
                run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
                run.ApiCalls is { } calls ? Number(calls) : "-",
                sum(c => c.Accepted),
                sum(c => c.Rejected),
                sum(c => c.Unchanged));
        }

        console.Write(runs);
        if (state.UnfinishedUploads.Count > 0)
        {
            var uploads = new Table().Border(TableBorder.Rounded).Title("Unfinished uploads (the next sync finishes them first)");
            foreach (var column in new[] { "clientRequestId", "Type", "Records", "State", "Planned (UTC)" })
            {
                uploads.AddColumn(column);
            }

            foreach (var upload in state.UnfinishedUploads)
            {
                uploads.AddRow(
                    upload.ClientRequestId, upload.ObjectType.ToWireName(), Number(upload.RecordCount), StateShowOutput.StateName(upload.State), Time(upload.PlannedAt));
            }

            console.Write(uploads);
        }
        else
        {
            console.MarkupLine("No unfinished upload.");
        }

        if (state.Tracked.Count == 0)
        {
            console.MarkupLine("No tracked object yet: Gong has accepted nothing from a sync with this state.");
            return;
        }

        var tracked = new Table().Border(TableBorder.Rounded).Title("Tracked objects");
        tracked.AddColumn("Type");
        tracked.AddColumn(new TableColumn("Objects").RightAligned());
        foreach (var count in state.Tracked)
        {
            tracked.AddRow(count.ObjectType.ToWireName(), Number(count.Count));
        }

        console.Write(tracked);
    }

    private static string LockText(StateOverview state) => state.LockHolder switch
    {
        null => "free",
        { } holder when state.LockHolderAlive == false => $"left by {holder}; that process is gone, the next sync takes the lock over",
        { } holder => $"held by {holder}",
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan took) => took.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)took.TotalHours}h {took.Minutes:D2}m")
        : string.Create(CultureInfo.InvariantCulture, $"{took.Minutes}m {took.Seconds:D2}s");

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>What <c>state show --json</c> prints.</summary>
internal sealed record StateShowOutput(
    string Directory,
    bool Exists,
    int? SchemaVersion,
    LockOutput? Lock,
    string? Today,
    long CallsToday,
    IReadOnlyList<RunOutput> Runs,
    IReadOnlyList<UploadOutput> UnfinishedUploads,
    IReadOnlyList<TrackedOutput> Tracked)
{
    public static StateShowOutput From(StateOverview state) => new(
        state.Directory,
        Exists: true,
        state.SchemaVersion,
        state.LockHolder is { } holder ? new LockOutput(holder.ProcessId, holder.Host, holder.Since, holder.RunId, state.LockHolderAlive) : null,
        state.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        state.CallsToday,
        [.. state.LastRuns.Select(r => new RunOutput(r.RunId, r.JobPath, r.Mode, r.Full, r.StartedAt, r.FinishedAt, r.ExitCode, r.ProcessId, r.Host, r.ApiCalls, r.Counts))],
        [.. state.UnfinishedUploads.Select(u => new UploadOutput(
            u.ClientRequestId, u.RunId, u.ObjectType.ToWireName(), u.RecordCount, u.Bytes, StateName(u.State), u.PlannedAt, u.SentAt))],
        [.. state.Tracked.Select(t => new TrackedOutput(t.ObjectType.ToWireName(), t.Count))]);

    /// <summary>The ledger's own word for an upload state (as stored, e.g. <c>pending</c>).</summary>
    public static string StateName(UploadState state) => state switch
    {
        UploadState.Planned => "planned",
        UploadState.Sent => "sent",
        UploadState.Accepted => "accepted",
        UploadState.Failed => "failed",
        UploadState.Pending => "pending",
        _ => "abandoned",
    };
}

/// <summary>The run lock's holder.</summary>
internal sealed record LockOutput(int Pid, string Host, DateTimeOffset Since, string? RunId, bool? Alive);

/// <summary>One run.</summary>
internal sealed record RunOutput(
    string RunId,
    string JobPath,
    string Mode,
    bool Full,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExitCode,
    int Pid,
    string Host,
    long? ApiCalls,
    IReadOnlyList<RunTypeCounts> Counts);

/// <summary>One unfinished upload.</summary>
internal sealed record UploadOutput(
    string ClientRequestId, string RunId, string ObjectType, int Records, long Bytes, string State, DateTimeOffset PlannedAt, DateTimeOffset? SentAt);

/// <summary>Tracked objects of one type.</summary>
internal sealed record TrackedOutput(string ObjectType, long Count);

/// <summary>Serialization code generated at build time, so that a natively compiled tool prints the same.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(StateShowOutput))]
internal sealed partial class StateShowJson : JsonSerializerContext;
