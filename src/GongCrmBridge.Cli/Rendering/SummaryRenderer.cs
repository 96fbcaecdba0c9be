using System.Globalization;
using GongCrmBridge.Reporting;
using Spectre.Console;

namespace GongCrmBridge.Cli.Rendering;

/// <summary>The final per-object-type table of a run.</summary>
internal static class SummaryRenderer
{
    public static void Render(IAnsiConsole console, RunSummary summary, string reportDirectory)
    {
        var dryRun = summary.Mode == "dry-run";
        var table = new Table().Border(TableBorder.Rounded).Title(dryRun ? "Dry run" : "Sync");
        table.AddColumn("Object type");
        table.AddColumn(new TableColumn("Read").RightAligned());
        table.AddColumn(new TableColumn(dryRun ? "Valid" : "Accepted").RightAligned());
        table.AddColumn(new TableColumn("Rejected").RightAligned());
        table.AddColumn(new TableColumn("Unchanged").RightAligned());
        table.AddColumn(new TableColumn("Skipped").RightAligned());
        table.AddColumn(new TableColumn("Merged").RightAligned());
        table.AddColumn(new TableColumn("Files").RightAligned());
        var stoppedEarly = summary.ObjectTypes.Values.Any(c => c.NotSent + c.Pending > 0);
        if (stoppedEarly)
        {
            table.AddColumn(new TableColumn("Pending").RightAligned());
            table.AddColumn(new TableColumn("Not sent").RightAligned());
        }

        foreach (var (type, counts) in summary.ObjectTypes)
        {
            List<string> cells =
            [
                type,
                Number(counts.Read),
                Number((dryRun ? counts.Valid : counts.Accepted) ?? 0),
                counts.Rejected > 0 ? $"[red]{Number(counts.Rejected)}[/]" : "0",
                Number(counts.Unchanged),
                Number(counts.Skipped),
                Number(counts.Merged),
                Number(counts.Files),
            ];
            if (stoppedEarly)
            {
                cells.Add(Number(counts.Pending));
                cells.Add(Number(counts.NotSent));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
        if (summary.Plan is { } plan)
        {
            console.MarkupLineInterpolated($"{plan}");
        }

        foreach (var change in summary.SchemaChanges ?? [])
        {
            console.MarkupLineInterpolated($"schema: {change}");
        }

        foreach (var warning in summary.Warnings)
        {
            var example = warning.Examples.FirstOrDefault();
            var where = example is null ? string.Empty : $" (e.g. {example.ObjectId}, {example.Source} line {example.Line})";
            console.MarkupLineInterpolated($"[yellow]warning {warning.Code}:[/] {warning.Message}{where}");
        }

        if (dryRun && summary.ApiCallsToday is { } usedToday)
        {
            console.MarkupLineInterpolated($"budget: {usedToday:N0} Gong API call(s) used today (UTC), {summary.DailyBudgetLeft:N0} left of the daily budget");
        }
        else if (dryRun && summary.DailyBudgetLeft is { } budget)
        {
            console.MarkupLineInterpolated($"budget: no state yet, so no call counted today: {budget:N0} left of the daily budget (options.dailyCallBudget)");
        }

        if (!dryRun)
        {
            console.MarkupLineInterpolated($"Gong API calls: {summary.ApiCalls}; daily budget left as far as this run knows: {summary.DailyBudgetLeft}");
        }

        if (summary.Error is not null)
        {
            console.MarkupLineInterpolated($"[red]{summary.Error}[/]");
        }

        console.MarkupLineInterpolated($"Report: {reportDirectory}  (exit code {summary.ExitCode})");
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
