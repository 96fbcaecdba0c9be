using System.Text.Json;
using GongCrmBridge.Gong.Api;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongCrmBridge.ReadBack;

/// <summary>A BUSINESS_USER of the job whose e-mail is not a Gong user's, and what points at it.</summary>
/// <param name="ObjectId">The business user's objectId.</param>
/// <param name="EmailAddress">Its e-mail (empty when the record has none).</param>
/// <param name="OwnedDeals">Deals whose <c>ownerId</c> is this user.</param>
/// <param name="OwnedAccounts">Accounts whose <c>ownerId</c> is this user.</param>
public sealed record UnknownGongUser(string ObjectId, string EmailAddress, long OwnedDeals, long OwnedAccounts);

/// <summary>The outcome of <see cref="GongUserCheck"/>.</summary>
/// <param name="BusinessUsers">The job's business users (not deleted).</param>
/// <param name="GongUsers">The Gong users read.</param>
/// <param name="Unknown">The business users Gong does not know, in the job's order.</param>
public sealed record GongUserCheckResult(long BusinessUsers, int GongUsers, IReadOnlyList<UnknownGongUser> Unknown)
{
    /// <summary>Gets the deals owned by users Gong does not know: Gong shows a deal only when its owner is a Gong user.</summary>
    public long DealsOfUnknownUsers => Unknown.Sum(u => u.OwnedDeals);
}

/// <summary>Finds the job's BUSINESS_USERs whose e-mail is neither a Gong user's address nor one of its aliases
/// (Gong's rule for a business user: "must be the email of a user in Gong"), and counts the deals and accounts
/// they own. Gong matches e-mails without regard to case; so does this.</summary>
public static class GongUserCheck
{
    /// <summary>Maps <paramref name="job"/> (as a dry run does, in <paramref name="workDirectory"/>) and checks its
    /// business users against <paramref name="gongUsers"/>, e.g. <c>client.Users.ListAsync().ItemsAsync(p =&gt; p.Users)</c>.</summary>
    public static async Task<GongUserCheckResult> CheckAsync(
        JobDefinition job,
        IAsyncEnumerable<GongUser> gongUsers,
        string workDirectory,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var mapped = await MappedJob.BuildAsync(job, workDirectory, logger ?? NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        return await RunAsync(mapped, gongUsers, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<GongUserCheckResult> RunAsync(MappedJob job, IAsyncEnumerable<GongUser> gongUsers, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var gongUserCount = 0;
        await foreach (var user in gongUsers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            gongUserCount++;
            foreach (var address in new[] { user.EmailAddress, user.TrustedEmailAddress }.Concat(user.EmailAliases ?? []))
            {
                if (!string.IsNullOrWhiteSpace(address))
                {
                    known.Add(address.Trim());
                }
            }
        }

        var unknown = new Dictionary<string, string>(StringComparer.Ordinal);
        long businessUsers = 0;
        foreach (var record in job.RecordsOf(CrmObjectType.BusinessUser).Where(r => !IsDeleted(r.Json)))
        {
            businessUsers++;
            var email = Text(record.Json, "emailAddress") ?? string.Empty;
            if (!known.Contains(email.Trim()))
            {
                unknown[record.ObjectId] = email;
            }
        }

        var deals = CountOwners(job, CrmObjectType.Deal, unknown);
        var accounts = CountOwners(job, CrmObjectType.Account, unknown);
        return new GongUserCheckResult(
            businessUsers,
            gongUserCount,
            [.. unknown.Select(pair => new UnknownGongUser(pair.Key, pair.Value, deals.GetValueOrDefault(pair.Key), accounts.GetValueOrDefault(pair.Key)))]);
    }

    private static Dictionary<string, long> CountOwners(MappedJob job, CrmObjectType type, Dictionary<string, string> unknown)
    {
        var owned = new Dictionary<string, long>(StringComparer.Ordinal);
        if (unknown.Count == 0)
        {
            return owned;
        }

        foreach (var record in job.RecordsOf(type))
        {
            if (Text(record.Json, "ownerId") is { } owner && unknown.ContainsKey(owner))
            {
                owned[owner] = owned.GetValueOrDefault(owner) + 1;
            }
        }

        return owned;
    }

    private static bool IsDeleted(JsonElement record) =>
        record.TryGetProperty("isDeleted", out var flag) && flag.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
