using System.Text;
using GongCrmBridge.Gong.Models;
using Spectre.Console;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Writes a whole job for <c>init --job DIR</c>: one mapping file per export and <c>job.yaml</c> over them,
/// paths relative to DIR. Existing files are never overwritten.</summary>
internal static class JobScaffold
{
    public static int Write(IAnsiConsole console, string directory, IReadOnlyList<MappingProposal> proposals)
    {
        var root = Path.GetFullPath(directory);
        var jobPath = Path.Combine(root, "job.yaml");
        var files = new List<(MappingProposal Proposal, string FileName)>();
        foreach (var proposal in proposals)
        {
            var stem = proposal.Type.ToWireName().ToUpperInvariant().Replace('_', '-');
            var fileName = Lower(stem) + ".yaml";
            if (files.Any(f => f.FileName == fileName))
            {
                fileName = $"{Lower(stem)}-{Path.GetFileNameWithoutExtension(proposal.CsvPath)}.yaml";
            }

            files.Add((proposal, fileName));
        }

        var existing = files.Select(f => Path.Combine(root, f.FileName)).Append(jobPath).Where(File.Exists).ToList();
        if (existing.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]Not overwriting {string.Join(", ", existing)}: choose an empty folder.[/]");
            return ExitCodes.Configuration;
        }

        Directory.CreateDirectory(root);
        foreach (var (proposal, fileName) in files)
        {
            File.WriteAllText(Path.Combine(root, fileName), proposal.Text);
            var origin = proposal.Recognized is { } r ? $"from {r.Layout.MappingPath}" : "guessed from the data";
            console.MarkupLineInterpolated($"{proposal.Type.ToWireName()}: {Path.GetFileName(proposal.CsvPath)} -> {fileName} ({origin})");
        }

        File.WriteAllText(jobPath, JobText(root, files));
        console.MarkupLineInterpolated($"Wrote {jobPath}. Next: gongbridge validate --job {jobPath}");
        return ExitCodes.Success;
    }

    private static string JobText(string root, List<(MappingProposal Proposal, string FileName)> files)
    {
        var text = new StringBuilder();
        text.Append("# Written by `gongbridge init --job`. Paths are relative to this file. Check each mapping, then run\n");
        text.Append("#   gongbridge validate --job ").Append(Path.Combine(root, "job.yaml")).Append('\n');
        text.Append("integration:\n  name: CRM exports\n  ownerEmail: revops@example.com   # TODO: the Gong user who owns the integration\n");
        text.Append("gong:\n  baseUrl: https://us-00000.api.gong.io   # TODO: your Gong API base URL (or GONG_BASE_URL)\n");
        text.Append("objects:\n");
        foreach (var (proposal, fileName) in files.OrderBy(f => CrmObjectTypes.InDependencyOrder.ToList().IndexOf(f.Proposal.Type)))
        {
            var source = Path.GetRelativePath(root, Path.GetFullPath(proposal.CsvPath)).Replace('\\', '/');
            text.Append("  - type: ").Append(proposal.Type.ToWireName()).Append('\n');
            text.Append("    source: { path: \"").Append(source.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\" }\n");
            text.Append("    mapping: ").Append(fileName).Append('\n');
        }

        return text.ToString();
    }

    // File names are lower case: business-user.yaml (an ASCII wire name, so no culture question).
    private static string Lower(string upper) => string.Create(upper.Length, upper, (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = char.ToLowerInvariant(s[i]);
        }
    });
}
