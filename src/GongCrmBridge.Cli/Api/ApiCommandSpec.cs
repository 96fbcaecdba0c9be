using GongCrmBridge.Gong.Operations;

namespace GongCrmBridge.Cli.Api;

/// <summary>Where an option's value goes in the request.</summary>
internal enum ArgumentTarget
{
    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A path parameter.</summary>
    Path,

    /// <summary>A property of the JSON body, by dotted path (<c>filter.callIds</c>, <c>items[0].id</c>).</summary>
    Body,

    /// <summary>The file of a multipart operation.</summary>
    File,

    /// <summary>Read by the command itself before the request (e.g. <c>--job</c> of <c>privacy purge-email</c>); not sent.</summary>
    Local,
}

/// <summary>What an option's values become.</summary>
internal enum ArgumentKind
{
    /// <summary>One string.</summary>
    Text,

    /// <summary>A JSON array of the strings (the option may be repeated).</summary>
    Texts,

    /// <summary><c>true</c> when the flag is given.</summary>
    Flag,

    /// <summary>An ISO-8601 date-time; a date alone means its midnight UTC.</summary>
    DateTime,

    /// <summary>A date, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A JSON array of <c>{"email": value}</c> objects (the option may be repeated).</summary>
    EmailObjects,
}

/// <summary>One option of one command: which option, where its value goes, as what.</summary>
/// <param name="Flag">The option.</param>
/// <param name="Target">Query, path, body or file.</param>
/// <param name="Name">The parameter's or body property's name at the target.</param>
/// <param name="Kind">What the values become.</param>
/// <param name="Required">Whether the request needs it (a body property may also come from <c>--body</c>).</param>
/// <param name="Help">What it means for this command (shown by <c>--help</c>).</param>
internal sealed record ApiArgument(ApiFlag Flag, ArgumentTarget Target, string Name, ArgumentKind Kind, bool Required, string Help)
{
    /// <summary>Gets the most values the operation takes (Gong's per-request limits), or null for no limit.</summary>
    public int? MaxValues { get; init; }
}

/// <summary>One command of the API catalogue: its place in the command tree, the Gong operation it sends, its
/// options, and how its answer is printed.</summary>
/// <param name="Group">The branch, as Gong groups its operations, e.g. <c>users</c> or <c>permissions call-access</c>.</param>
/// <param name="Name">The verb, e.g. <c>list</c>.</param>
/// <param name="Operation">The Gong operation.</param>
/// <param name="Description">One line for <c>--help</c>.</param>
internal sealed record ApiCommandSpec(string Group, string Name, GongOperation Operation, string Description)
{
    /// <summary>Gets the operation's options.</summary>
    public IReadOnlyList<ApiArgument> Arguments { get; init; } = [];

    /// <summary>Gets the property of Gong's answer that holds the items (an array, or one object); null: the whole answer.</summary>
    public string? Items { get; init; }

    /// <summary>Gets the table's default columns (comma-separated paths); null: the items' top-level scalar fields.</summary>
    public string? Columns { get; init; }

    /// <summary>Gets the JSON the body starts from before options fill it, e.g. <c>{"filter":{}}</c>; null: an object
    /// the options make, or the <c>--body</c> file.</summary>
    public string? BodyBase { get; init; }

    /// <summary>Gets the command line, e.g. <c>users list</c>.</summary>
    public string Command => Group + " " + Name;
}
