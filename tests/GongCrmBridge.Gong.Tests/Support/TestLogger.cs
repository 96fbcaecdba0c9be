using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Gong.Tests.Support;

/// <summary>Collects every log line (message and structured values) so tests can search them.</summary>
internal sealed class TestLogger : ILogger<GongCrmClient>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string AllText => string.Join('\n', Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(' ', pairs.Select(pair => $"{pair.Key}={pair.Value}"))
            : string.Empty;
        Lines.Enqueue($"{logLevel} {eventId.Name}: {formatter(state, exception)} | {values} | {exception}");
    }
}
