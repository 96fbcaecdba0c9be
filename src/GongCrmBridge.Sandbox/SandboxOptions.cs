using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Sandbox;

/// <summary>Settings of the Gong emulator. Defaults follow Gong's documented limits.</summary>
public sealed class SandboxOptions
{
    /// <summary>Gets the access key accepted with HTTP Basic auth. Default: empty (Basic disabled unless set).</summary>
    public string AccessKey { get; init; } = string.Empty;

    /// <summary>Gets the access key secret accepted with HTTP Basic auth. Default: empty.</summary>
    public string AccessKeySecret { get; init; } = string.Empty;

    /// <summary>Gets the bearer token accepted with <c>Authorization: Bearer</c>. Default: <see langword="null"/> (Bearer refused).</summary>
    public string? BearerToken { get; init; }

    /// <summary>Gets the calls allowed per second, company-wide (sliding window). Default: 3, as Gong.</summary>
    /// <remarks>Below 1 the window widens: 0.5 allows one call per two seconds.</remarks>
    public double RequestsPerSecond { get; init; } = 3;

    /// <summary>Gets the calls allowed per UTC calendar day. Default: 10,000, as Gong.</summary>
    public int RequestsPerDay { get; init; } = 10_000;

    /// <summary>Gets how many status polls of an asynchronous request are answered
    /// <c>PENDING</c>/<c>IN_PROGRESS</c> before processing completes. Default: 2 (0 = the first poll sees the result).</summary>
    public int PollsUntilDone { get; init; } = 2;

    /// <summary>Gets the minimum time between accepting an asynchronous request and completing it, measured
    /// with <see cref="TimeProvider"/>. Default: zero. Both this and <see cref="PollsUntilDone"/> must be satisfied by
    /// uploads and integration deletes; a data-privacy erase completes once this time has passed (Gong takes hours).</summary>
    public TimeSpan ProcessingDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Gets the largest accepted <c>dataFile</c> of an upload, in bytes. Default: 200 MB (200,000,000 bytes), as Gong.</summary>
    public long MaxUploadBytes { get; init; } = 200_000_000;

    /// <summary>Gets a value indicating whether <c>_</c> is accepted in objectIds. Default: <see langword="false"/>
    /// (Gong's text allows only letters, digits and <c>-</c>, or an email address).</summary>
    public bool AllowUnderscoreInObjectId { get; init; }

    /// <summary>Gets how many records a page of a list answer holds before <c>records.cursor</c> points to the next.
    /// Default: 100 (Gong's examples; Gong does not document its page size).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Gets the company's Gong users. Default: <see cref="SandboxSeed.Users"/>.</summary>
    public IReadOnlyList<SandboxUser> Users { get; init; } = SandboxSeed.Users;

    /// <summary>Gets the company's calls at start (more are added through <c>POST /v2/calls</c>).
    /// Default: <see cref="SandboxSeed.Calls"/>.</summary>
    public IReadOnlyList<SandboxCall> Calls { get; init; } = SandboxSeed.Calls;

    /// <summary>Gets the clock used for rate limits, processing delays and injected delays. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets random faults to play on every route (429 storms, 5xx, dropped connections, slow status), or
    /// <see langword="null"/> for none (the default).</summary>
    public SandboxFaultPlan? FaultPlan { get; init; }

    /// <summary>Gets the logger factory the emulator logs to. Default: <see langword="null"/> (logs nothing).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Creates options with a random access key and secret and otherwise default values.</summary>
    /// <returns>The new options.</returns>
    public static SandboxOptions WithGeneratedCredentials() => new()
    {
        AccessKey = "sbx-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
        AccessKeySecret = RandomNumberGenerator.GetHexString(40, lowercase: true),
    };

    /// <summary>Checks the options, failing fast with the name of the first bad option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        var hasBasic = !string.IsNullOrEmpty(AccessKey) && !string.IsNullOrEmpty(AccessKeySecret);
        if (!hasBasic && string.IsNullOrEmpty(BearerToken))
        {
            throw new ArgumentException(
                $"Set {nameof(AccessKey)} and {nameof(AccessKeySecret)}, or {nameof(BearerToken)}: the sandbox needs credentials to accept.",
                nameof(AccessKey));
        }

        if (AccessKey.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{nameof(AccessKey)} must not contain ':'.", nameof(AccessKey));
        }

        if (!(RequestsPerSecond > 0) || double.IsNaN(RequestsPerSecond))
        {
            throw new ArgumentException($"{nameof(RequestsPerSecond)} must be greater than 0.", nameof(RequestsPerSecond));
        }

        if (RequestsPerDay <= 0)
        {
            throw new ArgumentException($"{nameof(RequestsPerDay)} must be greater than 0.", nameof(RequestsPerDay));
        }

        if (PollsUntilDone < 0)
        {
            throw new ArgumentException($"{nameof(PollsUntilDone)} must be 0 or more.", nameof(PollsUntilDone));
        }

        if (ProcessingDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ProcessingDelay)} must not be negative.", nameof(ProcessingDelay));
        }

        if (MaxUploadBytes <= 0)
        {
            throw new ArgumentException($"{nameof(MaxUploadBytes)} must be greater than 0.", nameof(MaxUploadBytes));
        }

        if (PageSize <= 0)
        {
            throw new ArgumentException($"{nameof(PageSize)} must be greater than 0.", nameof(PageSize));
        }

        if (Users is null || Calls is null)
        {
            throw new ArgumentException($"{nameof(Users)} and {nameof(Calls)} must be set (they may be empty).", nameof(Users));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException($"{nameof(TimeProvider)} must be set.", nameof(TimeProvider));
        }

        FaultPlan?.Validate();
    }
}
