using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GongCrmBridge.Configuration;

/// <summary>Where a YAML error really is. YamlDotNet's <see cref="YamlException.Start"/> is where the construct being
/// scanned began ("while scanning a mapping" starts at line 1), and an undefined alias has no position at all.</summary>
internal static class YamlErrorPosition
{
    /// <summary>The position of the offending character: the first tab in an indentation for a tab error (YamlDotNet
    /// puts it where the enclosing mapping starts), else the exception's end when it lies after its start.</summary>
    public static (long Line, long Column) Of(YamlException error, string path)
    {
        if (error.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentation(path) is { } tab)
        {
            return tab;
        }

        var at = error.End.Line > error.Start.Line || (error.End.Line == error.Start.Line && error.End.Column > error.Start.Column)
            ? error.End
            : error.Start;
        return (at.Line, at.Column);
    }

    private static (long Line, long Column)? FirstTabIndentation(string path)
    {
        var number = 0L;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var indentation = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indentation && indentation < line.Length)
            {
                return (number, tab + 1);
            }
        }

        return null;
    }

    /// <summary>The position of the first alias in <paramref name="path"/> whose anchor is not defined before it, or
    /// null when none is found.</summary>
    public static Mark? UndefinedAlias(string path)
    {
        try
        {
            using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var parser = new Parser(text);
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        return alias.Start;
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        anchors.Add(node.Anchor.Value);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Other problems are reported as they are.
        }

        return null;
    }
}
