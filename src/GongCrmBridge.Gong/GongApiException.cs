using System.Globalization;
using System.Text;

namespace GongCrmBridge.Gong;

/// <summary>A Gong API call failed: Gong answered with an error status, or no answer came after every retry.</summary>
/// <remarks>The message names the call (method and path), the status, Gong's <c>requestId</c> and its error
/// messages. It never contains credentials or request bodies.</remarks>
public class GongApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GongApiException"/> class.</summary>
    /// <param name="operation">The call, e.g. <c>POST /v2/crm/entities</c>.</param>
    /// <param name="statusCode">The HTTP status, or <see langword="null"/> when no response arrived.</param>
    /// <param name="requestId">Gong's <c>requestId</c> from the error body, if any.</param>
    /// <param name="errors">Gong's error messages.</param>
    /// <param name="detail">Extra words for the message (e.g. "after 7 attempts"), or <see langword="null"/>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public GongApiException(
        string operation,
        int? statusCode,
        string? requestId,
        IReadOnlyList<string>? errors,
        string? detail = null,
        Exception? innerException = null)
        : base(Describe(operation, statusCode, requestId, errors ?? [], detail), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        RequestId = requestId;
        Errors = errors ?? [];
    }

    /// <summary>Gets the call that failed, e.g. <c>POST /v2/crm/entities</c>.</summary>
    public string Operation { get; }

    /// <summary>Gets the HTTP status Gong answered with, or <see langword="null"/> when no response arrived (timeout, network).</summary>
    public int? StatusCode { get; }

    /// <summary>Gets Gong's <c>requestId</c> of the failed call (quote it to Gong support), if Gong sent one.</summary>
    public string? RequestId { get; }

    /// <summary>Gets Gong's error messages (may be empty).</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Describe(string operation, int? statusCode, string? requestId, IReadOnlyList<string> errors, string? detail)
    {
        var text = new StringBuilder("Gong API call ").Append(operation).Append(" failed");
        if (statusCode is { } status)
        {
            text.Append(CultureInfo.InvariantCulture, $" with HTTP {status}");
        }

        if (!string.IsNullOrEmpty(detail))
        {
            text.Append(' ').Append(detail);
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            text.Append(" (Gong requestId ").Append(requestId).Append(')');
        }

        text.Append('.');
        if (errors.Count > 0)
        {
            text.Append(" Errors: ").AppendJoin("; ", errors);
        }

        return text.ToString();
    }
}

/// <summary>Gong answered 429 (rate limit) and the client did not, or could no longer, wait and retry.</summary>
public sealed class GongRateLimitedException : GongApiException
{
    /// <summary>Initializes a new instance of the <see cref="GongRateLimitedException"/> class.</summary>
    /// <param name="operation">The call, e.g. <c>GET /v2/crm/request-status</c>.</param>
    /// <param name="requestId">Gong's <c>requestId</c>, if any.</param>
    /// <param name="errors">Gong's error messages.</param>
    /// <param name="retryAfter">The wait Gong asked for in <c>Retry-After</c>, if it sent one.</param>
    /// <param name="detail">Extra words for the message, or <see langword="null"/>.</param>
    public GongRateLimitedException(string operation, string? requestId, IReadOnlyList<string>? errors, TimeSpan? retryAfter, string? detail = null)
        : base(operation, 429, requestId, errors, detail ?? (retryAfter is { } wait
            ? string.Create(CultureInfo.InvariantCulture, $"(rate limited; Gong asks to retry after {wait.TotalSeconds:0.###} s)")
            : "(rate limited)"))
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets how long Gong asked to wait before the next call (from <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>Registering failed because the company already has a CRM integration (HTTP 409).</summary>
/// <remarks>Gong allows one integration per company; delete the existing one first, or reuse it.</remarks>
public sealed class IntegrationExistsException : GongApiException
{
    /// <summary>Initializes a new instance of the <see cref="IntegrationExistsException"/> class.</summary>
    /// <param name="operation">The call, <c>PUT /v2/crm/integrations</c>.</param>
    /// <param name="requestId">Gong's <c>requestId</c>, if any.</param>
    /// <param name="errors">Gong's error messages.</param>
    /// <param name="existing">The integration Gong lists, if it could be read.</param>
    public IntegrationExistsException(string operation, string? requestId, IReadOnlyList<string>? errors, Models.CrmIntegration? existing)
        : base(operation, 409, requestId, errors, existing is null
            ? "(an integration already exists; it could not be listed)"
            : string.Create(CultureInfo.InvariantCulture, $"(integration {existing.IntegrationId} \"{existing.Name}\" already exists)"))
    {
        Existing = existing;
    }

    /// <summary>Gets the integration that already exists, or <see langword="null"/> when it could not be listed
    /// (for instance a native CRM integration, which the generic API does not list).</summary>
    public Models.CrmIntegration? Existing { get; }
}
