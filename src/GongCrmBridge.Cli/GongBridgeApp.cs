using GongCrmBridge.Cli.Api;
using GongCrmBridge.Cli.Commands;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Configuration;
using GongCrmBridge.Gong;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli;

/// <summary>The <c>gongbridge</c> command tree; <see cref="RunAsync"/> is the whole program, callable in process by tests.</summary>
internal static class GongBridgeApp
{
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(
        "AOT",
        "IL3050",
        Justification = "Spectre.Console.Cli reads the command tree by reflection. A native build keeps the tool's and Spectre's metadata (TrimMode partial), and NativeBuildTests runs every command of the natively compiled tool.")]
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliEnvironment), environment);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("gongbridge");
            config.ConfigureConsole(environment.Console);
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((exception, _) => HandleException(environment, exception, verbose: args.Contains("--verbose", StringComparer.Ordinal)));
            config.UseStrictParsing();
            // Spectre takes the last help provider the registrar lists (TypeRegistrar lists none by default).
            registrar.RegisterInstance(typeof(IEnumerable<Spectre.Console.Cli.Help.IHelpProvider>), new Spectre.Console.Cli.Help.IHelpProvider[] { new ApiHelpProvider(config.Settings) });

            config.AddCommand<SyncCommand>("sync")
                .WithDescription("Read, map and validate the exports, then upload them to Gong and report per object.")
                .WithExample("sync", "--job", "samples/acme/job.yaml", "--sandbox");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Same as sync --dry-run: check exports and mappings; send nothing.");
            config.AddBranch("integration", branch =>
            {
                branch.SetDescription("Show, register or delete the company's Gong CRM integration.");
                branch.AddCommand<IntegrationShowCommand>("show").WithDescription("Show the integration.");
                branch.AddCommand<IntegrationRegisterCommand>("register").WithDescription("Register the job's integration.");
                branch.AddCommand<IntegrationDeleteCommand>("delete").WithDescription("Delete the integration AND every CRM object uploaded through it.");
            });
            config.AddBranch("schema", branch =>
            {
                branch.SetDescription("Show or push the custom-field schema.");
                branch.AddCommand<SchemaShowCommand>("show").WithDescription("Show Gong's custom fields per object type.");
                branch.AddCommand<SchemaPushCommand>("push").WithDescription("Push the job's custom fields where they differ.");
            });
            config.AddCommand<StatusCommand>("status").WithDescription("Ask Gong once for the status of an upload.");
            config.AddBranch("objects", branch =>
            {
                branch.SetDescription("Read back uploaded objects.");
                branch.AddCommand<ObjectsGetCommand>("get").WithDescription("Get objects by objectId.");
            });
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("After a sync: read a sample of each type back from Gong and compare it with what was sent.");
            config.AddBranch("sandbox", branch =>
            {
                branch.SetDescription("The built-in Gong emulator.");
                branch.AddCommand<SandboxServeCommand>("serve").WithDescription("Run the emulator as a standalone HTTP server.");
            });
            config.AddBranch("state", branch =>
            {
                branch.SetDescription("The state of nightly runs (--state DIR, default .gongbridge/ beside the job file).");
                branch.AddCommand<StateShowCommand>("show").WithDescription("Show the last runs, unfinished uploads, tracked objects and today's Gong calls.");
            });
            ApiCommands.Register(config); // the Gong API's commands, one table: Api/ApiCatalogue.cs
            config.AddCommand<InitCommand>("init").WithDescription("Propose a mapping from a CSV export (its header and first rows), or write a whole job with --job.");
            config.AddBranch("samples", branch =>
            {
                branch.SetDescription("Example data.");
                branch.AddCommand<SamplesGenerateCommand>("generate").WithDescription("Write a large synthetic export (fixed seed).");
            });
        });

        return await app.RunAsync(ApiCommands.JoinStandardInputBody(args), cancellationToken);
    }

    /// <summary>Says what went wrong. An answer Gong gave (a 400, a refusal) or a run that could not go on is an
    /// expected failure: its message says it all, and a stack trace with build paths would only bury it. Only an
    /// internal error (a bug) has a stack trace worth printing, and only with <c>--verbose</c>.</summary>
    private static int HandleException(CliEnvironment environment, Exception exception, bool verbose)
    {
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException or ConfigurationException or UsageException or GongCrmBridge.State.StateException:
                environment.Console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
                return ExitCodes.Configuration;
            case OperationCanceledException:
                environment.Console.MarkupLine("[yellow]Stopped.[/]");
                return ExitCodes.Cancelled;
            case GongApiException or SyncFailedException:
                environment.Console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
                return ExitCodes.Failed;
            default:
                // Messages of our exceptions never hold credentials or CRM data; the stack trace helps a bug report.
                environment.Console.MarkupLineInterpolated($"[red]The run failed (internal error, {exception.GetType().Name}): {exception.Message}[/]");
                if (verbose)
                {
                    environment.Error.WriteLine(exception.ToString());
                }
                else
                {
                    environment.Error.WriteLine("Run again with --verbose to see where it failed (for a bug report).");
                }

                return ExitCodes.Failed;
        }
    }
}
