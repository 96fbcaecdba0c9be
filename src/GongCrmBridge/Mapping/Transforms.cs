using System.Globalization;
using System.Text;

namespace GongCrmBridge.Mapping;

/// <summary>A value transform of a field spec's <c>transform</c> list, applied in the listed order.</summary>
internal enum Transform
{
    /// <summary>Removes leading and trailing white space.</summary>
    Trim,

    /// <summary>Lower-cases (invariant culture).</summary>
    Lower,

    /// <summary>Upper-cases (invariant culture).</summary>
    Upper,

    /// <summary>Lower-case ASCII letters and digits joined by single <c>-</c>: accents are dropped
    /// (<c>"Clôture gagnée"</c> → <c>cloture-gagnee</c>), every other character is a separator, and no
    /// leading or trailing <c>-</c> is kept.</summary>
    Slug,

    /// <summary>Keeps only the digits 0-9.</summary>
    Digits,

    /// <summary>A URL (<c>https://www.acme.com/about</c>), a host (<c>www.acme.com</c>) or an email
    /// (<c>jo@acme.com</c>) to its bare lower-case domain (<c>acme.com</c>): scheme, user info, port, path,
    /// query and a leading <c>www.</c> removed.</summary>
    Domain,

    /// <summary>The first non-empty piece after splitting on the step's separators (the field's <c>split</c>, else
    /// <c>,</c> and <c>;</c>): <c>"jo@a.com, jo@b.com"</c> → <c>jo@a.com</c>.</summary>
    First,

    /// <summary>The last non-empty piece, as <see cref="First"/>.</summary>
    Last,

    /// <summary>Every occurrence of a text replaced by another (<c>{ replace: [from, to] }</c>).</summary>
    Replace,

    /// <summary>At most N characters (<c>{ truncate: N }</c>), trailing white space of the cut dropped.</summary>
    Truncate,

    /// <summary>A stable 16-character lower-case hex digest (XxHash3 of the UTF-8 value): a key longer than Gong allows
    /// becomes short and still unique in practice. Empty stays empty.</summary>
    Hash,

    /// <summary>The text before the first occurrence of the step's text; the whole value when it is absent.</summary>
    Before,

    /// <summary>The text after the first occurrence of the step's text; the whole value when it is absent.</summary>
    After,
}

/// <summary>Applies <see cref="Transform"/>s from one span into a caller-owned, growable buffer.</summary>
internal static class Transforms
{
    /// <summary>Parses a transform name (case-insensitive).</summary>
    public static bool TryParse(string name, out Transform transform)
    {
        foreach (var candidate in Enum.GetValues<Transform>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                transform = candidate;
                return true;
            }
        }

        transform = default;
        return false;
    }

    /// <summary>Gets the names of every transform, as written in mapping files.</summary>
    public static string Names => "trim, lower, upper, slug, digits, domain, first, last, hash, { replace: [from, to] }, { truncate: N }, { before: TEXT }, { after: TEXT }";

    /// <summary>Applies one step (a transform and its argument) to <paramref name="input"/>, as
    /// <see cref="Apply(Transform, ReadOnlySpan{char}, ref char[])"/>.</summary>
    public static ReadOnlySpan<char> Apply(in TransformStep step, ReadOnlySpan<char> input, ref char[] buffer) => step.Kind switch
    {
        Transform.First => TextSteps.Piece(input, step.Separators, last: false),
        Transform.Last => TextSteps.Piece(input, step.Separators, last: true),
        Transform.Replace => TextSteps.Replace(input, step.Text!, step.Replacement!, ref buffer),
        Transform.Truncate => input.Length <= step.Length ? input : input[..step.Length].TrimEnd(),
        Transform.Hash => TextSteps.Hash(input, ref buffer),
        Transform.Before => TextSteps.Before(input, step.Text!),
        Transform.After => TextSteps.After(input, step.Text!),
        _ => Apply(step.Kind, input, ref buffer),
    };

    /// <summary>Applies <paramref name="transform"/> to <paramref name="input"/>, writing into
    /// <paramref name="buffer"/> (which must not overlap the input) and returning the result.</summary>
    public static ReadOnlySpan<char> Apply(Transform transform, ReadOnlySpan<char> input, ref char[] buffer)
    {
        if (transform == Transform.Trim)
        {
            return input.Trim();
        }

        if (buffer.Length < input.Length)
        {
            buffer = new char[Math.Max(input.Length, buffer.Length * 2)];
        }

        var output = buffer.AsSpan();
        switch (transform)
        {
            case Transform.Lower:
                input.ToLowerInvariant(output);
                return output[..input.Length];
            case Transform.Upper:
                input.ToUpperInvariant(output);
                return output[..input.Length];
            case Transform.Digits:
                {
                    var n = 0;
                    foreach (var c in input)
                    {
                        if (char.IsAsciiDigit(c))
                        {
                            output[n++] = c;
                        }
                    }

                    return output[..n];
                }

            case Transform.Slug:
                return Slug(input, ref buffer);
            case Transform.Domain:
                return Domain(input, output);
            case Transform.Hash:
                return TextSteps.Hash(input, ref buffer);
            default:
                throw new ArgumentOutOfRangeException(nameof(transform), transform, null);
        }
    }

    private static ReadOnlySpan<char> Slug(ReadOnlySpan<char> input, ref char[] buffer)
    {
        if (!Ascii.IsValid(input))
        {
            // Rare path: fold accents (é → e) by decomposing and dropping the combining marks.
            var decomposed = input.ToString().Normalize(NormalizationForm.FormD);
            var folded = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    folded.Append(c);
                }
            }

            var text = folded.ToString();
            if (buffer.Length < text.Length)
            {
                buffer = new char[text.Length];
            }

            return SlugAscii(text, buffer);
        }

        return SlugAscii(input, buffer);
    }

    private static ReadOnlySpan<char> SlugAscii(ReadOnlySpan<char> input, Span<char> output)
    {
        var n = 0;
        var pendingDash = false;
        foreach (var c in input)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && n > 0)
                {
                    output[n++] = '-';
                }

                pendingDash = false;
                output[n++] = char.ToLowerInvariant(c);
            }
            else
            {
                pendingDash = true;
            }
        }

        return output[..n];
    }

    private static ReadOnlySpan<char> Domain(ReadOnlySpan<char> input, Span<char> output)
    {
        var s = input.Trim();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }
        else if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[7..];
        }

        var end = s.IndexOfAny('/', '?', '#');
        if (end >= 0)
        {
            s = s[..end];
        }

        var at = s.LastIndexOf('@');
        if (at >= 0)
        {
            s = s[(at + 1)..];
        }

        var colon = s.IndexOf(':');
        if (colon >= 0)
        {
            s = s[..colon];
        }

        s = s.Trim().TrimEnd('.');
        if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..];
        }

        s.ToLowerInvariant(output);
        return output[..s.Length];
    }
}
