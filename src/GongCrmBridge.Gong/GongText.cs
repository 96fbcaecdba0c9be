using System.Text;

namespace GongCrmBridge.Gong;

/// <summary>Makes a text Gong sent (an error message, a rejection reason) safe to put in a report, a CSV cell or a log
/// line: control characters become spaces, direction overrides go, and the length is capped.</summary>
/// <remarks>Gong's own words are the reason a record failed, so they are kept; but they come from outside, may echo
/// the record (a 2 MB value), and a terminal escape or a line break in them would forge log lines.</remarks>
public static class GongText
{
    /// <summary>The most characters of one Gong text kept (an ellipsis marks the cut).</summary>
    public const int MaxLength = 500;

    /// <summary>Returns <paramref name="text"/> with control characters as spaces, bidirectional overrides removed,
    /// surrounding white space trimmed and at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="text">Gong's text; <see langword="null"/> gives <see langword="null"/>.</param>
    /// <param name="maxLength">The cap; the default is <see cref="MaxLength"/>.</param>
    /// <returns>The cleaned text.</returns>
    public static string? Clean(string? text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text is null)
        {
            return null;
        }

        var clean = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var previousSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsInvisibleFormatting(rune))
            {
                continue;
            }

            var isSpace = Rune.IsControl(rune) || Rune.IsWhiteSpace(rune);
            if (isSpace && previousSpace)
            {
                continue; // a run of line breaks and tabs reads as one space
            }

            if (clean.Length + rune.Utf16SequenceLength > maxLength - 1)
            {
                return clean.ToString().TrimEnd() + "…";
            }

            if (isSpace)
            {
                clean.Append(' ');
            }
            else
            {
                clean.Append(rune.ToString());
            }

            previousSpace = isSpace;
        }

        return clean.ToString().Trim();
    }

    /// <summary>Direction marks, overrides and isolates (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) reorder what a reader sees.</summary>
    private static bool IsInvisibleFormatting(Rune rune) =>
        rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F;
}
