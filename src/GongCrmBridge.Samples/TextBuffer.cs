using System.Globalization;

namespace GongCrmBridge.Samples;

/// <summary>A reusable character buffer for composing one cell (an id, an email, a URL) without allocating.</summary>
internal sealed class TextBuffer
{
    private char[] _chars = new char[256];
    private int _length;

    /// <summary>Gets the composed text.</summary>
    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    /// <summary>Empties the buffer.</summary>
    public TextBuffer Clear()
    {
        _length = 0;
        return this;
    }

    /// <summary>Appends text.</summary>
    public TextBuffer Append(ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
        return this;
    }

    /// <summary>Appends a number in the invariant culture.</summary>
    public TextBuffer Append(long value, string? format = null)
    {
        Ensure(32);
        value.TryFormat(_chars.AsSpan(_length), out var written, format, CultureInfo.InvariantCulture);
        _length += written;
        return this;
    }

    /// <summary>Returns the composed text as a string.</summary>
    public override string ToString() => new(Span);

    private void Ensure(int extra)
    {
        if (_length + extra > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + extra));
        }
    }
}
