using System.Globalization;

namespace GongCrmBridge.Gong;

/// <summary>Settings of a <see cref="GongCrmClient"/>: where Gong is, who we are, and how politely we call it.</summary>
/// <remarks>Call <see cref="Validate"/> (the client's constructor does) to fail fast with the name of the bad option.</remarks>
public sealed class GongClientOptions
{
    /// <summary>The largest payload Gong accepts on <c>POST /v2/crm/entities</c>: 200 MB, read as 200,000,000 bytes
    /// (Gong writes "200 MB" and does not say MiB; the smaller reading is the one that cannot be refused).</summary>
    public const long GongMaxUploadBytes = 200_000_000;

    /// <summary>Gets or sets the company's Gong API base URL, e.g. <c>https://us-12345.api.gong.io</c>.</summary>
    /// <value>Required. Must be <c>https://</c>, or <c>http://</c> on a loopback host (the emulator).</value>
    public required Uri BaseUrl { get; set; }

    /// <summary>Gets or sets the credentials sent with every call.</summary>
    /// <value>Required. See <see cref="GongCredentials.Basic"/> and <see cref="GongCredentials.Bearer"/>.</value>
    public required GongCredentials Credentials { get; set; }

    /// <summary>Gets or sets the most HTTP calls per second this client makes (every attempt counts).</summary>
    /// <value>The default value is 3, Gong's company-wide limit. Fractions are allowed (0.5 = one call every 2 s).</value>
    public double RequestsPerSecond { get; set; } = 3;

    /// <summary>Gets or sets how many times a failed call is retried (429, 408, 5xx, network failures).</summary>
    /// <value>The default value is 6. 0 disables retries.</value>
    public int MaxRetries { get; set; } = 6;

    /// <summary>Gets or sets the time one HTTP attempt may take before it is abandoned (and retried); an upload gets
    /// this plus the time its file takes at <see cref="MinUploadBytesPerSecond"/>.</summary>
    /// <value>The default value is 100 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Gets or sets the slowest upstream an upload is given time for: an upload attempt may take
    /// <see cref="AttemptTimeout"/> plus its file's bytes divided by this.</summary>
    /// <value>The default value is 250,000 bytes per second (2 Mbit/s): a 200 MB file gets 100 s + 800 s.</value>
    public long MinUploadBytesPerSecond { get; set; } = 250_000;

    /// <summary>Gets or sets the first back-off delay; it doubles with every retry (with jitter, between half and all of it).</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two attempts.</summary>
    /// <value>The default value is 2 minutes.</value>
    /// <remarks>
    /// Back-off delays are capped at this value. A 429 whose <c>Retry-After</c> asks for longer (the daily quota is
    /// spent) is not retried: the call fails with <see cref="GongRateLimitedException"/> carrying the wait.
    /// </remarks>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the largest file <see cref="IGongCrmClient.UploadEntitiesAsync"/> sends.</summary>
    /// <value>The default value is 200 MB (<see cref="GongMaxUploadBytes"/>), Gong's limit.</value>
    public long MaxUploadBytes { get; set; } = GongMaxUploadBytes;

    /// <summary>Gets or sets the clock for rate limiting, back-off and timeouts.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>; tests pass a fake one.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets what is told of every HTTP attempt (retries included), where the client counts it: the
    /// state's calls per UTC day (SPEC.md, "Daily budget").</summary>
    /// <value>The default value is null: nothing is told.</value>
    public Action? AttemptMade { get; set; }

    /// <summary>Checks every option and throws on the first bad one.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message and
    /// <see cref="ArgumentException.ParamName"/> name it.</exception>
    public void Validate()
    {
        if (BaseUrl is null)
        {
            throw Bad(nameof(BaseUrl), "is required");
        }

        if (!BaseUrl.IsAbsoluteUri)
        {
            throw Bad(nameof(BaseUrl), "must be an absolute URL");
        }

        var isHttps = string.Equals(BaseUrl.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
        var isHttp = string.Equals(BaseUrl.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase);
        if (!isHttps && !(isHttp && BaseUrl.IsLoopback))
        {
            throw Bad(nameof(BaseUrl), isHttp
                ? "must use https:// (plain http:// is only allowed for a loopback host such as 127.0.0.1)"
                : "must be an https:// URL");
        }

        if (!string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment) || !string.IsNullOrEmpty(BaseUrl.UserInfo))
        {
            throw Bad(nameof(BaseUrl), "must not contain a query, a fragment or user information");
        }

        if (Credentials is null)
        {
            throw Bad(nameof(Credentials), "is required");
        }

        if (!double.IsFinite(RequestsPerSecond) || RequestsPerSecond <= 0)
        {
            throw Bad(nameof(RequestsPerSecond), "must be a positive number");
        }

        if (MaxRetries is < 0 or > 100)
        {
            throw Bad(nameof(MaxRetries), "must be between 0 and 100");
        }

        if (AttemptTimeout <= TimeSpan.Zero && AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            throw Bad(nameof(AttemptTimeout), "must be positive");
        }

        if (MinUploadBytesPerSecond <= 0)
        {
            throw Bad(nameof(MinUploadBytesPerSecond), "must be positive");
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            throw Bad(nameof(RetryBaseDelay), "must not be negative");
        }

        if (MaxRetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay)
        {
            throw Bad(nameof(MaxRetryDelay), "must be positive and at least RetryBaseDelay");
        }

        if (MaxUploadBytes <= 0)
        {
            throw Bad(nameof(MaxUploadBytes), "must be positive");
        }

        if (TimeProvider is null)
        {
            throw Bad(nameof(TimeProvider), "is required");
        }
    }

    /// <summary>Returns the time one attempt of a call sending <paramref name="bodyBytes"/> bytes may take.</summary>
    /// <param name="bodyBytes">The size of the file sent, or 0 for a call without one.</param>
    /// <returns><see cref="AttemptTimeout"/>, plus the file's time at <see cref="MinUploadBytesPerSecond"/>.</returns>
    public TimeSpan AttemptTimeoutFor(long bodyBytes)
    {
        if (AttemptTimeout == Timeout.InfiniteTimeSpan || bodyBytes <= 0)
        {
            return AttemptTimeout;
        }

        return AttemptTimeout + TimeSpan.FromSeconds(Math.Ceiling((double)bodyBytes / MinUploadBytesPerSecond));
    }

    /// <summary>Returns a copy of every option, so that a client keeps its settings when the caller changes theirs.</summary>
    /// <returns>The copy (a new object; credentials and clock are shared, being immutable or thread-safe).</returns>
    internal GongClientOptions Copy() => (GongClientOptions)MemberwiseClone();

    private static ArgumentException Bad(string option, string problem) =>
        new(string.Format(CultureInfo.InvariantCulture, "GongClientOptions.{0} {1}.", option, problem), option);
}
