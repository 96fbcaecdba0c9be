using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Api;

/// <summary>How an API command prints what Gong answered.</summary>
internal enum OutputFormat
{
    /// <summary>A table for people (one row per item; a field/value table for a single item).</summary>
    Table,

    /// <summary>One indented JSON document: an array of the items, or the single item.</summary>
    Json,

    /// <summary>One compact JSON object per line, streamed page by page.</summary>
    Jsonl,
}

/// <summary>The options of every command of <see cref="ApiCatalogue"/>: the shared ones, and the union of the
/// operations' own (<see cref="ApiFlags"/>). A command accepts only the options its row names; its help shows only
/// those (<see cref="ApiHelpProvider"/>).</summary>
internal sealed class ApiSettings : CommandSettings
{
    [CommandOption("--output <FORMAT>")]
    [Description("table (default), json or jsonl.")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Output { get; init; } = OutputFormat.Table;

    [CommandOption("--all")]
    [Description("Follow records.cursor and print every page.")]
    public bool All { get; init; }

    [CommandOption("--fields <LIST>")]
    [Description("Print only these fields of each item, comma-separated; dotted paths reach inside (settings.emailsImported).")]
    public string? Fields { get; init; }

    [CommandOption("--dry-run")]
    [Description("Print the request (credentials masked) and send nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--body <FILE>")]
    [Description("The JSON request body from a file, or - for standard input; options given as flags override its fields.")]
    public string? Body { get; init; }

    [CommandOption("--yes")]
    [Description("Confirm an operation that destroys data in Gong.")]
    public bool Yes { get; init; }

    [CommandOption("--cursor <CURSOR>")]
    [Description("Start at this page (a records.cursor Gong returned).")]
    public string? Cursor { get; init; }

    [CommandOption("--sandbox")]
    [Description("Run against the built-in Gong emulator, in process (seeded users and calls; nothing leaves this machine).")]
    public bool Sandbox { get; init; }

    [CommandOption("--base-url <URL>")]
    [Description("Gong's API base URL (else GONG_BASE_URL). Non-loopback http:// is refused.")]
    public string? BaseUrl { get; init; }

    [CommandOption("--requests-per-second <N>")]
    [Description("The most calls per second (every retry counts). Default: Gong's 3.")]
    public double? RequestsPerSecond { get; init; }

    [CommandOption("--log-format <FORMAT>")]
    [Description("text (default) or json.")]
    [DefaultValue(LogFormat.Text)]
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    [CommandOption("--verbose")]
    [Description("Log each call.")]
    public bool Verbose { get; init; }

    // The operations' own options; ApiCatalogue says which command takes which, and what each means there.
    [CommandOption("--id <ID>")]
    public string? Id { get; init; }

    [CommandOption("--from <TIME>")]
    public string? From { get; init; }

    [CommandOption("--to <TIME>")]
    public string? To { get; init; }

    [CommandOption("--created-from <TIME>")]
    public string? CreatedFrom { get; init; }

    [CommandOption("--created-to <TIME>")]
    public string? CreatedTo { get; init; }

    [CommandOption("--start <TIME>")]
    public string? Start { get; init; }

    [CommandOption("--end <TIME>")]
    public string? End { get; init; }

    [CommandOption("--workspace-id <ID>")]
    public string? WorkspaceId { get; init; }

    [CommandOption("--user-id <ID>")]
    public string[] UserIds { get; init; } = [];

    [CommandOption("--call-id <ID>")]
    public string[] CallIds { get; init; } = [];

    [CommandOption("--primary-user-id <ID>")]
    public string[] PrimaryUserIds { get; init; } = [];

    [CommandOption("--manager-id <ID>")]
    public string? ManagerId { get; init; }

    [CommandOption("--profile-id <ID>")]
    public string? ProfileId { get; init; }

    [CommandOption("--folder-id <ID>")]
    public string? FolderId { get; init; }

    [CommandOption("--flow-id <ID>")]
    public string? FlowId { get; init; }

    [CommandOption("--prospect-id <ID>")]
    public string[] ProspectIds { get; init; } = [];

    [CommandOption("--flow-instance-id <ID>")]
    public string[] FlowInstanceIds { get; init; } = [];

    [CommandOption("--scorecard-id <ID>")]
    public string[] ScorecardIds { get; init; } = [];

    [CommandOption("--email <EMAIL>")]
    public string[] Emails { get; init; } = [];

    [CommandOption("--job <FILE>")]
    public string? Job { get; init; }

    [CommandOption("--phone <NUMBER>")]
    public string? Phone { get; init; }

    [CommandOption("--owner-email <EMAIL>")]
    public string? OwnerEmail { get; init; }

    [CommandOption("--organizer-email <EMAIL>")]
    public string? OrganizerEmail { get; init; }

    [CommandOption("--invitee <EMAIL>")]
    public string[] Invitees { get; init; } = [];

    [CommandOption("--title <TEXT>")]
    public string? Title { get; init; }

    [CommandOption("--name <TEXT>")]
    public string? Name { get; init; }

    [CommandOption("--context <LEVEL>")]
    public string? Context { get; init; }

    [CommandOption("--log-type <TYPE>")]
    public string? LogType { get; init; }

    [CommandOption("--review-method <METHOD>")]
    public string? ReviewMethod { get; init; }

    [CommandOption("--integration-type <TYPE>")]
    public string? IntegrationType { get; init; }

    [CommandOption("--allowed-origin <URL>")]
    public string? AllowedOrigin { get; init; }

    [CommandOption("--file <FILE>")]
    public string? File { get; init; }

    [CommandOption("--include-avatars")]
    public bool IncludeAvatars { get; init; }

    [CommandOption("--parties")]
    public bool Parties { get; init; }

    [CommandOption("--most-recently-assigned")]
    public bool MostRecentlyAssigned { get; init; }
}
