using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Api;
using GongCrmBridge.Jobs;
using GongCrmBridge.Pipeline;
using GongCrmBridge.ReadBack;
using Spectre.Console;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options of <c>gongbridge users check</c>.</summary>
internal sealed class UsersCheckSettings : GongSettings
{
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Job) ? ValidationResult.Error("users check needs --job JOB.yaml: the job whose business users are checked.") : ValidationResult.Success();
}

/// <summary><c>gongbridge users check --job JOB</c>: which of the job's BUSINESS_USER e-mails are not Gong users (by
/// address or alias, read with <c>GET /v2/users</c>, every page), and how many deals and accounts they own. Gong
/// ignores a business user it does not know, and does not show the deals it owns. Exit 0 when every one is known, 3
/// otherwise.</summary>
internal sealed class UsersCheckCommand(CliEnvironment environment) : GongCommand<UsersCheckSettings>(environment)
{
    protected override async Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, UsersCheckSettings settings, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "gongbridge-users-" + RunOptions.NewRunId(TimeProvider.System));
        try
        {
            var result = await GongUserCheck.CheckAsync(job!, client.Users.ListAsync(cancellationToken: cancellationToken).ItemsAsync(page => page.Users, cancellationToken), work, cancellationToken: cancellationToken);
            if (settings.Json)
            {
                WriteJson(result);
            }
            else
            {
                Render(result);
            }

            return result.Unknown.Count == 0 ? ExitCodes.Success : ExitCodes.Rejected;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private void Render(GongUserCheckResult result)
    {
        var console = Environment.Console;
        if (result.Unknown.Count == 0)
        {
            console.MarkupLineInterpolated($"[green]All {result.BusinessUsers:N0} business users are Gong users[/] ({result.GongUsers:N0} Gong users read).");
            return;
        }

        var table = new Table().AddColumns("objectId", "emailAddress", "Deals owned", "Accounts owned");
        foreach (var user in result.Unknown)
        {
            table.AddRow(Markup.Escape(user.ObjectId), Markup.Escape(user.EmailAddress.Length == 0 ? "(none)" : user.EmailAddress), $"{user.OwnedDeals:N0}", $"{user.OwnedAccounts:N0}");
        }

        console.Write(table);
        console.MarkupLineInterpolated(
            $"[yellow]{result.Unknown.Count:N0} of {result.BusinessUsers:N0} business users are not Gong users[/] (address or alias; {result.GongUsers:N0} Gong users read): Gong ignores them, and does not show the {result.DealsOfUnknownUsers:N0} deal(s) they own.");
    }
}
