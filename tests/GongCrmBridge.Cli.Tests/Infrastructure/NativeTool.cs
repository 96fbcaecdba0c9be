using System.Diagnostics;

namespace GongCrmBridge.Cli.Tests.Infrastructure;

/// <summary>
/// The tool compiled natively (<c>dotnet publish -p:PublishAot=true</c>, README "Native build"), once per test run, and
/// a way to run it as its own process. Compiling takes minutes, so the native tests run only when
/// <see cref="EnabledVariable"/> is set: <c>.ci/run</c> sets it in a step of their own, after the main test run.
/// </summary>
public sealed class NativeTool : IDisposable
{
    /// <summary>The environment variable that turns the native tests on (<c>1</c>).</summary>
    public const string EnabledVariable = "GONGBRIDGE_NATIVE_TESTS";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _output = new();

    public NativeTool()
    {
        Executable = Path.Combine(_output.Path, "gongbridge");
        if (NativeFactAttribute.SkipReason is not null)
        {
            return; // every native test is skipped
        }

        var publish = Run(
            "dotnet",
            ["publish", Repository.PathOf("src", "GongCrmBridge.Cli"), "-c", "Release", "--use-current-runtime", "-p:PublishAot=true", "-o", _output.Path],
            environment: null,
            PublishTimeout);
        if (publish.ExitCode != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException("The native publish failed:\n" + publish.All);
        }
    }

    /// <summary>Gets whether this machine can link a native program (clang or gcc); the native tests are skipped otherwise.</summary>
    public static bool ToolchainAvailable { get; } = new[] { "clang", "gcc" }.Any(OnPath);

    /// <summary>Gets whether the native tests were asked for (<see cref="EnabledVariable"/> is <c>1</c>).</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(EnabledVariable) == "1";

    public string Executable { get; }

    /// <summary>Runs the native tool with only <paramref name="environment"/> added to this process's variables.</summary>
    internal CliResult Run(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Run(Executable, args, environment, TimeSpan.FromMinutes(2));

    /// <summary>Starts the native tool and returns it running, its output redirected (for commands that serve).</summary>
    internal Process Start(params string[] args) => Process.Start(StartInfo(Executable, args, environment: null))!;

    public void Dispose() => _output.Dispose();

    private static CliResult Run(string program, string[] args, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(program, args, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}.");
        }

        return new CliResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    private static ProcessStartInfo StartInfo(string program, string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}

/// <summary>A fact about the natively compiled tool: skipped, saying why, unless asked for on a machine that can link one.</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute() => Skip = SkipReason;

    /// <summary>Gets why the native tests do not run here, or null when they do.</summary>
    internal static string? SkipReason { get; } =
        !NativeTool.Enabled
            ? $"The native build takes minutes, so these tests run only with {NativeTool.EnabledVariable}=1 (.ci/run sets it in a step of their own)."
            : !NativeTool.ToolchainAvailable
                ? "A native build needs clang or gcc to link, and this machine has neither."
                : null;
}
