using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Api;

/// <summary>Puts the catalogue into the command tree: one branch per group (nested for <c>permissions call-access</c>),
/// one <see cref="ApiCommand"/> per row carrying the row as its data, and <c>api list</c>.</summary>
internal static class ApiCommands
{
    private static readonly Dictionary<string, string> GroupDescriptions = new(StringComparer.Ordinal)
    {
        ["users"] = "Gong users: list, get, settings history, search; check a job's business users against them.",
        ["calls"] = "Calls: list, get, search with CRM context, transcripts, create, upload media.",
        ["stats"] = "Activity, interaction and scorecard stats.",
        ["flows"] = "Gong Engage flows.",
        ["meetings"] = "Meetings (Gong's Beta).",
        ["permissions"] = "Permission profiles and individual call access.",
        ["permissions call-access"] = "Individual users' access to calls.",
        ["library"] = "The call library.",
        ["settings"] = "Scorecard and tracker settings.",
        ["privacy"] = "Data privacy: what refers to an e-mail address or phone number, and erasing it.",
        ["engagement"] = "Engagement events and digital interactions.",
        ["logs"] = "Audit logs.",
        ["workspaces"] = "Workspaces.",
        ["coaching"] = "Coaching metrics.",
        ["integration-settings"] = "Origins allowed to embed Gong's tools.",
    };

    public static void Register(IConfigurator config)
    {
        foreach (var group in ApiCatalogue.Commands.Select(c => c.Group.Split(' ')[0]).Distinct())
        {
            config.AddBranch(group, branch => AddGroup(branch, group));
        }

        config.AddBranch("api", branch =>
        {
            branch.SetDescription("The Gong API operations this tool covers.");
            branch.AddCommand<ApiListCommand>("list").WithDescription("Print every Gong operation with its command, method, path and scope.");
        });
    }

    /// <summary>Turns <c>--body -</c> into <c>--body=-</c>: Spectre's parser takes a lone <c>-</c> for a nameless
    /// option, while <c>-</c> for standard input is what users type.</summary>
    public static string[] JoinStandardInputBody(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var joined = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--body" && i + 1 < args.Length && args[i + 1] == "-")
            {
                joined.Add("--body=-");
                i++;
            }
            else
            {
                joined.Add(args[i]);
            }
        }

        return [.. joined];
    }

    private static void AddGroup(IConfigurator<CommandSettings> branch, string group)
    {
        branch.SetDescription(GroupDescriptions.GetValueOrDefault(group, group));
        foreach (var spec in ApiCatalogue.Commands.Where(c => c.Group == group))
        {
            branch.AddCommand<ApiCommand>(spec.Name).WithDescription(spec.Description).WithData(spec);
        }

        // This tool's own commands that sit beside Gong's operations in their group.
        if (group == "users")
        {
            branch.AddCommand<Commands.UsersCheckCommand>("check")
                .WithDescription("Which of a job's BUSINESS_USER e-mails are not Gong users, and the deals they own.");
        }

        foreach (var child in ApiCatalogue.Commands.Select(c => c.Group).Where(g => g.StartsWith(group + " ", StringComparison.Ordinal) && g.Count(ch => ch == ' ') == group.Count(ch => ch == ' ') + 1).Distinct())
        {
            branch.AddBranch(child[(group.Length + 1)..], sub => AddGroup(sub, child));
        }
    }
}
