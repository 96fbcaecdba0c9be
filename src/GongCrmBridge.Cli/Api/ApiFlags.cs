namespace GongCrmBridge.Cli.Api;

/// <summary>One option of an operation: its name as typed and how to read its values from the parsed settings.</summary>
/// <param name="Name">The option, e.g. <c>--from</c>.</param>
/// <param name="Read">Its values (none when not given; a flag gives <c>true</c>).</param>
internal sealed record ApiFlag(string Name, Func<ApiSettings, IReadOnlyList<string>> Read);

/// <summary>The operations' options, once each; <see cref="ApiSettings"/> declares them for the parser.</summary>
internal static class ApiFlags
{
    public static readonly ApiFlag Id = One("--id", s => s.Id);
    public static readonly ApiFlag From = One("--from", s => s.From);
    public static readonly ApiFlag To = One("--to", s => s.To);
    public static readonly ApiFlag CreatedFrom = One("--created-from", s => s.CreatedFrom);
    public static readonly ApiFlag CreatedTo = One("--created-to", s => s.CreatedTo);
    public static readonly ApiFlag Start = One("--start", s => s.Start);
    public static readonly ApiFlag End = One("--end", s => s.End);
    public static readonly ApiFlag WorkspaceId = One("--workspace-id", s => s.WorkspaceId);
    public static readonly ApiFlag UserId = new("--user-id", s => s.UserIds);
    public static readonly ApiFlag CallId = new("--call-id", s => s.CallIds);
    public static readonly ApiFlag PrimaryUserId = new("--primary-user-id", s => s.PrimaryUserIds);
    public static readonly ApiFlag ManagerId = One("--manager-id", s => s.ManagerId);
    public static readonly ApiFlag ProfileId = One("--profile-id", s => s.ProfileId);
    public static readonly ApiFlag FolderId = One("--folder-id", s => s.FolderId);
    public static readonly ApiFlag FlowId = One("--flow-id", s => s.FlowId);
    public static readonly ApiFlag ProspectId = new("--prospect-id", s => s.ProspectIds);
    public static readonly ApiFlag FlowInstanceId = new("--flow-instance-id", s => s.FlowInstanceIds);
    public static readonly ApiFlag ScorecardId = new("--scorecard-id", s => s.ScorecardIds);
    public static readonly ApiFlag Email = new("--email", s => s.Emails);
    public static readonly ApiFlag Phone = One("--phone", s => s.Phone);
    public static readonly ApiFlag OwnerEmail = One("--owner-email", s => s.OwnerEmail);
    public static readonly ApiFlag OrganizerEmail = One("--organizer-email", s => s.OrganizerEmail);
    public static readonly ApiFlag Invitee = new("--invitee", s => s.Invitees);
    public static readonly ApiFlag Title = One("--title", s => s.Title);
    public static readonly ApiFlag Name = One("--name", s => s.Name);
    public static readonly ApiFlag Context = One("--context", s => s.Context);
    public static readonly ApiFlag LogType = One("--log-type", s => s.LogType);
    public static readonly ApiFlag ReviewMethod = One("--review-method", s => s.ReviewMethod);
    public static readonly ApiFlag IntegrationType = One("--integration-type", s => s.IntegrationType);
    public static readonly ApiFlag AllowedOrigin = One("--allowed-origin", s => s.AllowedOrigin);
    public static readonly ApiFlag File = One("--file", s => s.File);
    public static readonly ApiFlag Job = One("--job", s => s.Job);
    public static readonly ApiFlag IncludeAvatars = Switch("--include-avatars", s => s.IncludeAvatars);
    public static readonly ApiFlag Parties = Switch("--parties", s => s.Parties);
    public static readonly ApiFlag MostRecentlyAssigned = Switch("--most-recently-assigned", s => s.MostRecentlyAssigned);

    /// <summary>Gets every operation option.</summary>
    public static IReadOnlyList<ApiFlag> All { get; } =
    [
        Id, From, To, CreatedFrom, CreatedTo, Start, End, WorkspaceId, UserId, CallId, PrimaryUserId, ManagerId, ProfileId,
        FolderId, FlowId, ProspectId, FlowInstanceId, ScorecardId, Email, Phone, OwnerEmail, OrganizerEmail, Invitee, Title,
        Name, Context, LogType, ReviewMethod, IntegrationType, AllowedOrigin, File, Job, IncludeAvatars, Parties, MostRecentlyAssigned,
    ];

    private static ApiFlag One(string name, Func<ApiSettings, string?> read) =>
        new(name, s => read(s) is { Length: > 0 } value ? [value] : []);

    private static ApiFlag Switch(string name, Func<ApiSettings, bool> read) =>
        new(name, s => read(s) ? ["true"] : []);
}
