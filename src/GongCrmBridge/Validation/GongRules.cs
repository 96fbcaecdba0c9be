namespace GongCrmBridge.Validation;

/// <summary>Gong's value rules (CRM-API.md §2.6, §3), checked on spans without allocating.</summary>
internal static class GongRules
{
    /// <summary>The longest objectId Gong accepts.</summary>
    public const int MaxObjectIdLength = 64;

    /// <summary>Why <paramref name="id"/> is not a valid objectId, or null when it is.</summary>
    /// <remarks>Gong allows letters, digits and <c>-</c>, or an email address. Gong's own examples use <c>_</c>
    /// (e.g. <c>user1_Id_In_The_CRM</c>), so <c>_</c> is accepted too. Letters are ASCII letters.</remarks>
    public static string? ObjectIdProblem(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty)
        {
            return "is missing or empty";
        }

        if (id.Length > MaxObjectIdLength)
        {
            return $"is longer than {MaxObjectIdLength} characters";
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return IsEmail(id) ? null : "may hold only letters, digits, '-' and '_', or be an email address";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> looks like an email address: one <c>@</c>, a non-empty local part
    /// without spaces, a domain with a dot and no empty label.</summary>
    public static bool IsEmail(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || text.Length > 254)
        {
            return false;
        }

        foreach (var c in text)
        {
            // Any Unicode white space (a non-breaking space pasted from a web page too): Gong's pattern refuses \s.
            if (c <= ' ' || char.IsWhiteSpace(c) || c is '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or ']' or '\\' or '"')
            {
                return false;
            }
        }

        var domain = text[(at + 1)..];
        if (domain.IndexOf('.') < 0 || domain[0] == '.' || domain[^1] == '.' || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> is an absolute http or https URL with a host.</summary>
    public static bool IsAbsoluteHttpUrl(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> rest;
        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            rest = text[8..];
        }
        else if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            rest = text[7..];
        }
        else
        {
            return false;
        }

        if (rest.IsEmpty || rest[0] is '/' or '?' or '#' or ':')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c <= ' ' || c == '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns Gong's spelling of a DEAL status (OPEN, WON, LOST), matched case-insensitively; null when
    /// it is none of them.</summary>
    public static string? DealStatus(ReadOnlySpan<char> text)
    {
        if (text.Equals("OPEN", StringComparison.OrdinalIgnoreCase))
        {
            return "OPEN";
        }

        if (text.Equals("WON", StringComparison.OrdinalIgnoreCase))
        {
            return "WON";
        }

        return text.Equals("LOST", StringComparison.OrdinalIgnoreCase) ? "LOST" : null;
    }
}
