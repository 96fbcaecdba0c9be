using YamlDotNet.Core;

namespace GongCrmBridge.Configuration;

/// <summary>A parser that remembers where the last event it produced ended.</summary>
internal sealed class LocatingParser(IParser inner) : IParser
{
    /// <summary>Gets where the last event ended.</summary>
    public Mark LastEnd { get; private set; } = Mark.Empty;

    /// <inheritdoc />
    public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastEnd = current.End;
        }

        return moved;
    }
}
