using System.Reflection;
using GongCrmBridge.Cli.Api;
using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Gong.Operations;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Tests.Api;

/// <summary>The command table: every Gong operation has one command, every row fits its operation, and
/// <c>api list</c> prints them all.</summary>
public sealed class ApiCatalogueTests
{
    [Fact]
    public void Catalogue_EveryOperation_HasExactlyOneCommand()
    {
        var commands = ApiCatalogue.Commands.Select(c => (c.Operation, c.Command)).Concat(ApiCatalogue.WorkflowCommands).ToList();

        Assert.Equal(GongOperations.All.Select(o => o.OperationId).Order(), commands.Select(c => c.Operation.OperationId).Order());
        Assert.Equal(commands.Count, commands.Select(c => c.Command).Distinct().Count());
        Assert.Equal(46, ApiCatalogue.Commands.Count);
    }

    [Fact]
    public void Catalogue_EveryArgument_IsAParameterOrPartOfItsOperation()
    {
        foreach (var spec in ApiCatalogue.Commands)
        {
            foreach (var argument in spec.Arguments)
            {
                var fits = argument.Target switch
                {
                    ArgumentTarget.Query => spec.Operation.FindParameter(argument.Name, GongParameterLocation.Query) is not null,
                    ArgumentTarget.Path => spec.Operation.FindParameter(argument.Name, GongParameterLocation.Path) is not null,
                    ArgumentTarget.File => spec.Operation.Body == GongBodyKind.Multipart && spec.Operation.FilePart == argument.Name,
                    ArgumentTarget.Local => true,
                    _ => spec.Operation.Body == GongBodyKind.Json,
                };
                Assert.True(fits, $"{spec.Command}: {argument.Flag.Name} → {argument.Target} {argument.Name} is not part of {spec.Operation.Name}");
            }

            // And every required path or query parameter of the operation has an option
            foreach (var parameter in spec.Operation.Parameters.Where(p => p.Required))
            {
                Assert.True(spec.Arguments.Any(a => a.Name == parameter.Name), $"{spec.Command}: nothing sets {parameter.Name}");
            }
        }
    }

    [Fact]
    public void Flags_EveryOne_IsAnOptionOfTheSettings()
    {
        var declared = typeof(ApiSettings).GetProperties()
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(a => a.LongNames.Select(name => "--" + name))
            .ToHashSet();

        Assert.All(ApiFlags.All, flag => Assert.Contains(flag.Name, declared));
        Assert.All(ApiCatalogue.Commands.SelectMany(c => c.Arguments), a => Assert.Contains(a.Flag, ApiFlags.All));
    }

    [Fact]
    public async Task WorkflowCommands_ExistInTheCommandTree()
    {
        foreach (var (_, command) in ApiCatalogue.WorkflowCommands)
        {
            var help = await CliRunner.RunAsync(null, [.. command.Split(' '), "--help"]);
            Assert.True(help.ExitCode == 0, command + ": " + help.All);
        }
    }

    [Fact]
    public async Task ApiList_Json_EveryOperationWithCommandMethodPathAndScope()
    {
        var listed = (await CliRunner.RunAsync(null, "api", "list", "--output", "json")).Json().EnumerateArray().ToList();

        Assert.Equal(54, listed.Count);
        foreach (var operation in GongOperations.All)
        {
            var row = Assert.Single(listed, r => r.GetProperty("operationId").GetString() == operation.OperationId);
            Assert.Equal(operation.Method, row.GetProperty("method").GetString());
            Assert.Equal(operation.Path, row.GetProperty("path").GetString());
            Assert.Equal(operation.Scope ?? "(none stated)", row.GetProperty("scope").GetString());
            Assert.StartsWith("gongbridge ", row.GetProperty("command").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains(listed, r => r.GetProperty("command").GetString() == "gongbridge sync" && r.GetProperty("path").GetString() == "/v2/crm/entities");
    }

    [Fact]
    public async Task Help_ACatalogueCommand_ListsOnlyItsOwnOptionsWithTheirMeaning()
    {
        var help = await CliRunner.RunAsync(null, "privacy", "purge-email", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--email", help.Out, StringComparison.Ordinal);
        Assert.Contains("--yes", help.Out, StringComparison.Ordinal);
        Assert.Contains("The address", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--call-id", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--all", help.Out, StringComparison.Ordinal);
    }
}
