using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong.Operations;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Api;

/// <summary>Options of <c>gongbridge api list</c>.</summary>
internal sealed class ApiListSettings : CommandSettings
{
    [CommandOption("--output <FORMAT>")]
    [Description("table (default), json or jsonl.")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Output { get; init; } = OutputFormat.Table;

    [CommandOption("--fields <LIST>")]
    [Description("Print only these fields: command, method, path, operationId, scope, paging, area.")]
    public string? Fields { get; init; }
}

/// <summary><c>gongbridge api list</c>: every Gong operation the tool covers, with the command that sends it.</summary>
internal sealed class ApiListCommand(CliEnvironment environment) : AsyncCommand<ApiListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApiListSettings settings, CancellationToken cancellationToken)
    {
        var output = new ApiOutput(environment.Console, settings.Output, settings.Fields, "operations", "command,method,path,scope");
        JsonElement[] pages = [Rows()];
        await output.WriteAsync(pages.ToAsyncEnumerable(), asList: true, cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>The 54 operations: the catalogue's commands and the CRM workflow commands, by command.</summary>
    internal static JsonElement Rows()
    {
        var rows = ApiCatalogue.Commands.Select(c => (c.Operation, c.Command))
            .Concat(ApiCatalogue.WorkflowCommands)
            .OrderBy(row => row.Command, StringComparer.Ordinal)
            .Select(row => (JsonNode)new JsonObject
            {
                ["command"] = "gongbridge " + row.Command,
                ["method"] = row.Operation.Method,
                ["path"] = row.Operation.Path,
                ["operationId"] = row.Operation.OperationId,
                ["scope"] = row.Operation.Scope ?? "(none stated)",
                ["paging"] = row.Operation.Paging switch
                {
                    GongPaging.CursorInQuery => "cursor in query",
                    GongPaging.CursorInBody => "cursor in body",
                    _ => "none",
                },
                ["area"] = row.Operation.Area,
            });
        using var document = JsonDocument.Parse(new JsonObject { ["operations"] = new JsonArray([.. rows]) }.ToJsonString());
        return document.RootElement.Clone();
    }
}
