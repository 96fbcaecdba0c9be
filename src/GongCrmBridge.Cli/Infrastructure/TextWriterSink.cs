using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace GongCrmBridge.Cli.Infrastructure;

/// <summary>Writes log events to the CLI's error writer (stderr in production, a buffer in tests).</summary>
internal sealed class TextWriterSink(ITextFormatter formatter, TextWriter writer) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
