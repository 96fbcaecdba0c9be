namespace GongCrmBridge.Sandbox;

/// <summary>A Gong user of the emulated company (<c>GET /v2/users</c>).</summary>
/// <param name="Id">Gong's id: a numeric string.</param>
/// <param name="EmailAddress">The user's e-mail address (BUSINESS_USER records map to users by it, or an alias).</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
public sealed record SandboxUser(string Id, string EmailAddress, string FirstName, string LastName)
{
    /// <summary>Gets the job title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the id of the user's manager.</summary>
    public string? ManagerId { get; init; }

    /// <summary>Gets a value indicating whether the user is active. Default: <see langword="true"/>.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Gets a value indicating whether the user is an avatar (a synthetic user for Gong staff), listed only
    /// with <c>includeAvatars=true</c>.</summary>
    public bool IsAvatar { get; init; }

    /// <summary>Gets the user's other e-mail addresses.</summary>
    public IReadOnlyList<string> EmailAliases { get; init; } = [];

    /// <summary>Gets the phone number.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>Gets when the user was created.</summary>
    public DateTimeOffset Created { get; init; } = new(2021, 4, 12, 10, 0, 0, TimeSpan.Zero);
}

/// <summary>A party of an emulated call.</summary>
/// <param name="Id">The party's id within the call.</param>
/// <param name="Name">The name.</param>
/// <param name="EmailAddress">The e-mail address: the emulator links the call to CRM contacts and leads with it, and
/// to accounts whose <c>domains</c> hold its domain.</param>
/// <param name="PhoneNumber">The phone number.</param>
/// <param name="UserId">The Gong user the party is, for company parties; <see langword="null"/> for others.</param>
public sealed record SandboxParty(string Id, string? Name, string? EmailAddress, string? PhoneNumber = null, string? UserId = null)
{
    /// <summary>Gets <c>Internal</c> for a Gong user, else <c>External</c>.</summary>
    public string Affiliation => UserId is null ? "External" : "Internal";
}

/// <summary>A call of the emulated company.</summary>
/// <param name="Id">Gong's id: a numeric string.</param>
/// <param name="Title">The title.</param>
/// <param name="Started">When it started.</param>
/// <param name="DurationSeconds">How long it lasted.</param>
/// <param name="PrimaryUserId">The Gong user who hosted it.</param>
/// <param name="Parties">Who took part.</param>
public sealed record SandboxCall(string Id, string Title, DateTimeOffset Started, long DurationSeconds, string PrimaryUserId, IReadOnlyList<SandboxParty> Parties)
{
    /// <summary>Gets the direction (<c>Inbound</c>, <c>Outbound</c>, <c>Conference</c>, <c>Unknown</c>).</summary>
    public string Direction { get; init; } = "Conference";

    /// <summary>Gets the workspace.</summary>
    public string WorkspaceId { get; init; } = SandboxSeed.MainWorkspaceId;

    /// <summary>Gets the caller's id of a call added through <c>POST /v2/calls</c>.</summary>
    public string? ClientUniqueId { get; init; }

    /// <summary>Gets the purpose.</summary>
    public string? Purpose { get; init; }

    /// <summary>Gets a value indicating whether its recording was uploaded (<c>PUT /v2/calls/{id}/media</c>).</summary>
    public bool HasMedia { get; init; }
}
