using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong.Operations;

namespace GongCrmBridge.Cli.Api;

/// <summary>Turns a command's options (and <c>--body</c>) into the <see cref="GongRequest"/> its row describes, or
/// explains, as a usage error, what is missing or not allowed. Nothing here talks to Gong.</summary>
internal static class ApiRequestBuilder
{
    /// <summary>Builds the request.</summary>
    /// <param name="spec">The command's row.</param>
    /// <param name="settings">The parsed options.</param>
    /// <param name="readBody">Reads the <c>--body</c> argument (a path, or <c>-</c> for standard input).</param>
    /// <returns>The request, complete.</returns>
    /// <exception cref="UsageException">An option the command does not take, a missing one, a bad value or body.</exception>
    public static GongRequest Build(ApiCommandSpec spec, ApiSettings settings, Func<string, string> readBody)
    {
        var operation = spec.Operation;
        var command = "`gongbridge " + spec.Command + "`";
        foreach (var flag in ApiFlags.All.Where(f => f.Read(settings).Count > 0 && spec.Arguments.All(a => a.Flag != f)))
        {
            throw new UsageException($"{flag.Name} is not an option of {command} (see --help).");
        }

        var paged = operation.Paging != GongPaging.None;
        Refuse(settings.Cursor is not null && !paged, "--cursor", command, "it has no pages");
        Refuse(settings.All && !paged, "--all", command, "it has no pages");
        Refuse(settings.Yes && !operation.DestroysData, "--yes", command, "it destroys nothing");
        Refuse(settings.Body is not null && operation.Body != GongBodyKind.Json, "--body", command, "it sends no JSON body");

        var request = new GongRequest(operation);
        var body = operation.Body == GongBodyKind.Json ? StartBody(spec, settings, readBody) : null;
        foreach (var argument in spec.Arguments)
        {
            var values = argument.Flag.Read(settings);
            if (values.Count == 0)
            {
                if (argument.Required && argument.Target != ArgumentTarget.Body)
                {
                    throw new UsageException($"{command} needs {argument.Flag.Name}: {argument.Help}");
                }

                continue;
            }

            if (argument.MaxValues is { } max && values.Count > max)
            {
                throw new UsageException($"{argument.Flag.Name} takes at most {max} values per request (Gong's limit); {values.Count} were given.");
            }

            request = argument.Target switch
            {
                ArgumentTarget.Query => request.WithQuery(argument.Name, Text(argument, values)),
                ArgumentTarget.Path => request.WithPath(argument.Name, Text(argument, values)),
                ArgumentTarget.File => request.WithFile(ExistingFile(argument, values)),
                _ => request,
            };
            if (argument.Target == ArgumentTarget.Body)
            {
                JsonPath.Set(body!, argument.Name, Value(argument, values));
            }
        }

        if (body is not null)
        {
            foreach (var argument in spec.Arguments.Where(a => a is { Required: true, Target: ArgumentTarget.Body } && JsonPath.Get(body, a.Name) is null))
            {
                throw new UsageException($"{command} needs {argument.Flag.Name} (or '{argument.Name}' in the --body file): {argument.Help}");
            }

            if (body.Count == 0 && spec.BodyBase is null)
            {
                throw new UsageException($"{command} needs the request body: --body FILE (or - for standard input), a JSON object as Gong documents it for {operation.Name}.");
            }

            request = request.WithBody(body);
        }

        if (settings.Cursor is { } cursor)
        {
            request = request.WithCursor(cursor);
        }

        return request;
    }

    private static void Refuse(bool refused, string option, string command, string reason)
    {
        if (refused)
        {
            throw new UsageException($"{option} is not an option of {command}: {reason}.");
        }
    }

    private static JsonObject StartBody(ApiCommandSpec spec, ApiSettings settings, Func<string, string> readBody)
    {
        if (settings.Body is not { } source)
        {
            return spec.BodyBase is { } template ? (JsonObject)JsonNode.Parse(template)! : [];
        }

        var name = source == "-" ? "standard input" : source;
        string text;
        try
        {
            text = readBody(source);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--body: cannot read {name}: {exception.Message}");
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new UsageException($"--body: {name} must hold a JSON object.");
        }
        catch (JsonException exception)
        {
            // The position, never the content: a body may hold personal data.
            throw new UsageException($"--body: {name} is not valid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}).");
        }
    }

    private static string Text(ApiArgument argument, IReadOnlyList<string> values)
    {
        if (values.Count > 1)
        {
            throw new UsageException($"Give {argument.Flag.Name} once.");
        }

        return argument.Kind switch
        {
            ArgumentKind.DateTime => DateTimeText(argument, values[0]),
            ArgumentKind.Date => DateText(argument, values[0]),
            _ => values[0],
        };
    }

    private static JsonNode Value(ApiArgument argument, IReadOnlyList<string> values) => argument.Kind switch
    {
        ArgumentKind.Texts => new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]),
        ArgumentKind.EmailObjects => new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["email"] = v })]),
        ArgumentKind.Flag => JsonValue.Create(true),
        _ => JsonValue.Create(Text(argument, values)),
    };

    private static string ExistingFile(ApiArgument argument, IReadOnlyList<string> values)
    {
        var path = Text(argument, values);
        return System.IO.File.Exists(path) ? Path.GetFullPath(path) : throw new UsageException($"{argument.Flag.Name}: the file {path} does not exist.");
    }

    /// <summary>An ISO-8601 date-time as Gong's examples write it; a date alone is its midnight UTC.</summary>
    private static string DateTimeText(ApiArgument argument, string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return GongRequest.FormatDateTime(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        return text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? GongRequest.FormatDateTime(time)
            : throw new UsageException($"{argument.Flag.Name}: '{text}' is neither a date (2024-03-01) nor an ISO-8601 date-time (2024-03-01T08:00:00Z).");
    }

    private static string DateText(ApiArgument argument, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text
            : throw new UsageException($"{argument.Flag.Name}: '{text}' is not a date (yyyy-MM-dd).");
}
