namespace GongCrmBridge.Gong;

/// <summary>Rules for the <c>clientRequestId</c> of Gong's asynchronous requests: letters, digits, '-' and '_'.</summary>
public static class ClientRequestIds
{
    /// <summary>The longest id this client sends (Gong documents no maximum; short ids are safest).</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="clientRequestId"/> is non-empty, at most <see cref="MaxLength"/> long and only
    /// ASCII letters, digits, '-' and '_'.</summary>
    /// <param name="clientRequestId">The id to check.</param>
    /// <returns><see langword="true"/> when Gong will accept the id's characters.</returns>
    public static bool IsValid(string? clientRequestId)
    {
        if (string.IsNullOrEmpty(clientRequestId) || clientRequestId.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in clientRequestId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when <paramref name="clientRequestId"/> is not <see cref="IsValid"/>.</summary>
    /// <param name="clientRequestId">The id to check.</param>
    /// <param name="paramName">The parameter name for the exception.</param>
    /// <exception cref="ArgumentException">The id is empty, too long or has other characters.</exception>
    public static void ThrowIfInvalid(string? clientRequestId, string paramName = "clientRequestId")
    {
        if (!IsValid(clientRequestId))
        {
            throw new ArgumentException(
                $"A clientRequestId must be 1 to {MaxLength} characters of A-Z, a-z, 0-9, '-' and '_'.", paramName);
        }
    }
}
