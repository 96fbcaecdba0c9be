using Spectre.Console;

namespace GongCrmBridge.Cli.Infrastructure;

/// <summary>
/// What the CLI takes from the process: the terminal, the error stream and environment variables. Tests hand
/// the real command line a captured console and a fake environment, and run it in process.
/// </summary>
/// <param name="Console">Where tables, results and progress go (standard output).</param>
/// <param name="Error">Where log lines go (standard error), so <c>--json</c> output stays clean.</param>
/// <param name="GetVariable">Reads an environment variable.</param>
/// <param name="IsInteractive">Whether a person is watching a terminal: progress bars instead of log lines.</param>
internal sealed record CliEnvironment(
    IAnsiConsole Console,
    TextWriter Error,
    Func<string, string?> GetVariable,
    bool IsInteractive)
{
    /// <summary>Gets standard input (<c>--body -</c>). Default: empty.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>The real process: the terminal, standard error and the process environment.</summary>
    public static CliEnvironment FromProcess()
    {
        var console = AnsiConsole.Console;
        var interactive = !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected &&
                          console.Profile.Capabilities.Interactive &&
                          Environment.GetEnvironmentVariable("CI") is null;
        return new CliEnvironment(console, System.Console.Error, Environment.GetEnvironmentVariable, interactive) { Input = System.Console.In };
    }
}
