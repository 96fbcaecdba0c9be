using System.Globalization;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Api;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.ReadBack;
using GongCrmBridge.Reporting;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Pipeline;

/// <summary><c>sync --check-users</c>: before anything is uploaded, the job's business users are checked against
/// Gong's users (<see cref="GongUserCheck"/>); those Gong does not know raise an <c>unknown-gong-user</c> warning.
/// The records are still sent: Gong ignores such a user, and a scheduler may alert on the code.</summary>
internal static class GongUserWarning
{
    public const string Code = "unknown-gong-user";

    public static async Task AddAsync(IGongCrmClient client, BuildResult built, string batchDirectory, RunSummary summary, ILogger logger, CancellationToken cancellationToken)
    {
        if (!built.Exports.Any(e => e.Export.Type == CrmObjectType.BusinessUser))
        {
            return;
        }

        var users = client.Users.ListAsync(cancellationToken: cancellationToken).ItemsAsync(page => page.Users, cancellationToken);
        using var mapped = MappedJob.Of(built, batchDirectory); // the run's own files: left where they are
        var result = await GongUserCheck.RunAsync(mapped, users, cancellationToken).ConfigureAwait(false);
        if (result.Unknown.Count == 0)
        {
            return;
        }

        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Unknown.Count} of {result.BusinessUsers} business users are not Gong users (e-mail or alias): Gong ignores them and does not show the {result.DealsOfUnknownUsers} deal(s) they own; `gongbridge users check --job` lists them.");
        var warning = new RunWarning { Code = Code, ObjectType = CrmObjectType.BusinessUser.ToWireName(), Field = "emailAddress", Count = result.Unknown.Count, Message = message };
        summary.Warnings.Add(warning);
        PipelineLog.UnknownGongUsers(logger, result.Unknown.Count, result.BusinessUsers);
    }
}
