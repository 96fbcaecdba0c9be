using GongCrmBridge.Cli.Infrastructure;
using Spectre.Console;

namespace GongCrmBridge.Cli.Tests.Infrastructure;

/// <summary>What one <c>gongbridge</c> invocation printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    /// <summary>The JSON a <c>--json</c> command printed, after asserting it succeeded.</summary>
    public System.Text.Json.JsonElement Json()
    {
        Assert.True(ExitCode == 0, All);
        using var document = System.Text.Json.JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }
}

/// <summary>Runs the real command tree in process, with its console and environment captured.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(
        IReadOnlyDictionary<string, string>? environment,
        params string[] args) => await RunAsync(environment, CancellationToken.None, args);

    public static async Task<CliResult> RunAsync(
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken,
        params string[] args) => await RunAsync(environment, null, cancellationToken, args);

    /// <summary>Runs the command line as on a terminal a person watches: progress display, a quiet console log.</summary>
    public static Task<CliResult> RunInteractiveAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(environment, null, interactive: true, CancellationToken.None, args);

    /// <summary>Runs the command line with <paramref name="input"/> as its standard input.</summary>
    public static Task<CliResult> RunAsync(
        IReadOnlyDictionary<string, string>? environment,
        string? input,
        CancellationToken cancellationToken,
        params string[] args) => RunAsync(environment, input, interactive: false, cancellationToken, args);

    private static async Task<CliResult> RunAsync(
        IReadOnlyDictionary<string, string>? environment,
        string? input,
        bool interactive,
        CancellationToken cancellationToken,
        string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 220;
        var variables = environment ?? new Dictionary<string, string>();
        using var standardInput = new StringReader(input ?? string.Empty);
        var cli = new CliEnvironment(console, error, name => variables.GetValueOrDefault(name), IsInteractive: interactive) { Input = standardInput };
        var exitCode = await GongBridgeApp.RunAsync(args, cli, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
