using GongCrmBridge.Configuration;
using GongCrmBridge.Jobs;
using GongCrmBridge.Sources;
using Spectre.Console;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Loads a job file for a command, turning configuration problems into a readable list.</summary>
internal static class JobLoading
{
    /// <summary>Loads and checks the job (mappings compiled, export headers checked); prints every problem
    /// and returns null when there is any.</summary>
    public static JobDefinition? TryLoad(IAnsiConsole console, string jobPath)
    {
        try
        {
            return JobLoader.Load(Path.GetFullPath(jobPath), RecordSources.FindMissingColumns);
        }
        catch (ConfigurationException exception)
        {
            Print(console, exception);
            return null;
        }
    }

    /// <summary>Prints every configuration problem, one per line, in the compiler-like form editors understand.</summary>
    public static void Print(IAnsiConsole console, ConfigurationException exception)
    {
        var count = exception.Problems.Count;
        console.MarkupLineInterpolated($"[red]The job cannot run: {count} configuration problem{(count == 1 ? "" : "s")}. Nothing was sent.[/]");
        foreach (var problem in exception.Problems)
        {
            console.MarkupLineInterpolated($"  [red]error[/] {problem}");
        }
    }

    /// <summary>The report folder: <c>--report</c>, else <c>reports/&lt;run id&gt;</c> under the current folder.</summary>
    public static string ReportDirectory(CommonSettings settings, string runId) =>
        Path.GetFullPath(settings.Report ?? Path.Combine("reports", runId));
}
