using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace GongCrmBridge.Cli.Infrastructure;

/// <summary>Serilog set-up: the one place that knows about sinks. Libraries log through
/// Microsoft.Extensions.Logging; this plugs Serilog in behind it.</summary>
internal static class Logging
{
    private const string TextTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    /// <summary>Creates the logger factory of one command run.</summary>
    /// <param name="environment">Where console log lines go (standard error).</param>
    /// <param name="format">Text or JSON lines.</param>
    /// <param name="verbose">Debug level instead of Information.</param>
    /// <param name="quietConsole">Only warnings, the plan and the budget check on the console (a progress display is
    /// showing the rest).</param>
    /// <param name="logFile">Also write every event as JSON lines into this file (the run's log in its report folder).</param>
    public static ILoggerFactory Create(CliEnvironment environment, LogFormat format, bool verbose, bool quietConsole = false, string? logFile = null)
    {
        var minimum = verbose ? LogEventLevel.Debug : LogEventLevel.Information;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext();

        var console = format == LogFormat.Json
            ? new TextWriterSink(new CompactJsonFormatter(), environment.Error)
            : new TextWriterSink(new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture), environment.Error);
        configuration = quietConsole
            ? configuration.WriteTo.Logger(quiet => quiet.Filter.ByIncludingOnly(ShownOnAQuietConsole).WriteTo.Sink(console))
            : configuration.WriteTo.Sink(console, minimum);

        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
            configuration = configuration.WriteTo.File(new CompactJsonFormatter(), logFile);
        }

        return new Serilog.Extensions.Logging.SerilogLoggerFactory(configuration.CreateLogger(), dispose: true);
    }

    /// <summary>Warnings, and what a person must see before anything is sent even while the progress display runs:
    /// the plan and the budget check (SPEC.md: validate and sync print the plan before sending).</summary>
    private static bool ShownOnAQuietConsole(LogEvent logEvent) =>
        logEvent.Level >= LogEventLevel.Warning || EventName(logEvent) is "Planned" or "BudgetFits";

    // Microsoft.Extensions.Logging's event id arrives as a structure { Id, Name }.
    private static string? EventName(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var id) && id is StructureValue structure
            ? structure.Properties.FirstOrDefault(p => p.Name == "Name")?.Value is ScalarValue { Value: string name } ? name : null
            : null;
}
