using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.ReadBack;
using GongCrmBridge.State;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge verify</c>.</summary>
internal sealed class VerifySettings : GongSettings
{
    [CommandOption("--sample <N>")]
    [Description("The most objects read back per type, picked evenly across the export. Default: 100.")]
    [DefaultValue(100)]
    public int Sample { get; init; } = 100;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Job))
        {
            return Spectre.Console.ValidationResult.Error("verify needs --job JOB.yaml: the job whose sync is checked.");
        }

        return Sample < 1 ? Spectre.Console.ValidationResult.Error("--sample must be at least 1.") : Spectre.Console.ValidationResult.Success();
    }
}

/// <summary><c>gongbridge verify --job JOB [--sample N]</c>: after a sync, reads a sample of each type's objects back
/// from Gong and compares them field by field with what was sent (<see cref="ReadBackVerifier"/>). Exit 0 when all
/// match, 3 otherwise.</summary>
internal sealed class VerifyCommand(CliEnvironment environment) : GongCommand<VerifySettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, VerifySettings settings, CancellationToken cancellationToken)
    {
        var integrationId = await IntegrationIdAsync(client, settings, cancellationToken);
        var reportDirectory = JobLoading.ReportDirectory(settings, "verify-" + RunOptions.NewRunId(TimeProvider.System));
        var options = new VerifyOptions
        {
            SampleSize = settings.Sample,
            ReportDirectory = reportDirectory,
            StateDirectory = Path.GetFullPath(settings.State ?? StateStore.DefaultDirectory(job!.Path)),
        };
        var report = await new ReadBackVerifier(client).VerifyAsync(job!, integrationId, options, cancellationToken);
        if (settings.Json)
        {
            WriteJson(report);
        }
        else
        {
            Render(report, reportDirectory);
        }

        return report.AllMatch ? ExitCodes.Success : ExitCodes.Rejected;
    }

    private void Render(VerificationReport report, string reportDirectory)
    {
        var console = Environment.Console;
        var table = new Table().AddColumns("Type", "In export", "Checked", "Matching", "Differing", "Missing", "Not synced");
        foreach (var type in report.Types)
        {
            table.AddRow(type.ObjectType, $"{type.InExport:N0}", $"{type.Checked:N0}", $"{type.Matching:N0}", $"{type.Differing:N0}", $"{type.Missing:N0}", $"{type.NotSynced:N0}");
        }

        console.Write(table);
        foreach (var difference in report.Types.SelectMany(t => t.Differences.Select(d => (t.ObjectType, d))).Take(20))
        {
            console.MarkupLineInterpolated($"  [yellow]{difference.ObjectType} {difference.d.ObjectId}[/] {difference.d.Field}: sent {difference.d.Expected}, Gong has {difference.d.Actual}");
        }

        foreach (var type in report.Types.Where(t => t.MissingObjectIds.Count > 0))
        {
            console.MarkupLineInterpolated($"  [yellow]{type.ObjectType}[/] not in Gong: {string.Join(", ", type.MissingObjectIds.Take(10))}{(type.MissingObjectIds.Count > 10 ? ", …" : "")}");
        }

        var against = report.ComparedWith == "state"
            ? "what the state says Gong accepted"
            : "the export as it maps now (no state found: records changed since the last sync show as differences)";
        console.MarkupLineInterpolated($"Compared with {against}; {report.ApiCalls} API call(s). Report: {Path.Combine(reportDirectory, VerificationReport.FileName)}");
        console.MarkupLine(report.AllMatch ? "[green]Every object read back matches.[/]" : "[red]Gong's objects differ from what was sent.[/]");
    }
}
