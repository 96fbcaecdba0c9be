using System.IO.Hashing;
using System.Text;

namespace GongCrmBridge.Mapping;

/// <summary>The transforms that take an argument or pick a piece of the value (<see cref="Transform.First"/>,
/// <see cref="Transform.Replace"/>, <see cref="Transform.Hash"/>, ...), on spans.</summary>
internal static class TextSteps
{
    /// <summary>The first (or last) non-empty, trimmed piece of <paramref name="input"/> split on any of
    /// <paramref name="separators"/>.</summary>
    public static ReadOnlySpan<char> Piece(ReadOnlySpan<char> input, string[]? separators, bool last)
    {
        separators ??= TransformStep.DefaultSeparators;
        ReadOnlySpan<char> found = [];
        var rest = input;
        while (true)
        {
            var (at, length) = FirstSeparator(rest, separators);
            var piece = (at < 0 ? rest : rest[..at]).Trim();
            if (!piece.IsEmpty)
            {
                found = piece;
                if (!last)
                {
                    return found;
                }
            }

            if (at < 0)
            {
                return found;
            }

            rest = rest[(at + length)..];
        }
    }

    public static ReadOnlySpan<char> Replace(ReadOnlySpan<char> input, string from, string to, ref char[] buffer)
    {
        if (from.Length == 0 || input.IndexOf(from, StringComparison.Ordinal) < 0)
        {
            return input;
        }

        var builder = new StringBuilder(input.Length + 16);
        var rest = input;
        int at;
        while ((at = rest.IndexOf(from, StringComparison.Ordinal)) >= 0)
        {
            builder.Append(rest[..at]).Append(to);
            rest = rest[(at + from.Length)..];
        }

        builder.Append(rest);
        if (buffer.Length < builder.Length)
        {
            buffer = new char[builder.Length];
        }

        builder.CopyTo(0, buffer, builder.Length);
        return buffer.AsSpan(0, builder.Length);
    }

    /// <summary>16 lower-case hex characters of the XxHash3 of the value's UTF-8 bytes; empty stays empty.</summary>
    public static ReadOnlySpan<char> Hash(ReadOnlySpan<char> input, ref char[] buffer)
    {
        if (input.IsEmpty)
        {
            return input;
        }

        var utf8 = Encoding.UTF8.GetBytes(input.ToArray());
        var hash = XxHash3.HashToUInt64(utf8);
        if (buffer.Length < 16)
        {
            buffer = new char[16];
        }

        hash.TryFormat(buffer, out var written, "x16", System.Globalization.CultureInfo.InvariantCulture);
        return buffer.AsSpan(0, written);
    }

    public static ReadOnlySpan<char> Before(ReadOnlySpan<char> input, string text)
    {
        var at = input.IndexOf(text, StringComparison.Ordinal);
        return at < 0 ? input : input[..at];
    }

    public static ReadOnlySpan<char> After(ReadOnlySpan<char> input, string text)
    {
        var at = input.IndexOf(text, StringComparison.Ordinal);
        return at < 0 ? input : input[(at + text.Length)..];
    }

    private static (int At, int Length) FirstSeparator(ReadOnlySpan<char> value, string[] separators)
    {
        var best = -1;
        var length = 0;
        foreach (var separator in separators)
        {
            var at = value.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best))
            {
                (best, length) = (at, separator.Length);
            }
        }

        return (best, length);
    }
}
