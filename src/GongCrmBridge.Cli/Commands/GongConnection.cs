using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong;
using Microsoft.Extensions.Logging;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Where Gong is and who we are to it: base URL from the command line, the environment or the job file;
/// credentials only from the environment (never a flag, so they never land in shell history or process lists).</summary>
internal static class GongConnection
{
    public static Uri ResolveBaseUrl(CommonSettings settings, CliEnvironment environment, Uri? fromJob)
    {
        var text = settings.BaseUrl ?? environment.GetVariable("GONG_BASE_URL") ?? fromJob?.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException("No Gong base URL: pass --base-url, set GONG_BASE_URL, or set gong.baseUrl in the job file.");
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"The Gong base URL '{text}' is not an absolute http(s) URL.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            throw new UsageException($"Refusing {url}: credentials are only sent over TLS (https://), except to a loopback address.");
        }

        return url;
    }

    /// <summary>The credentials of the environment; a usage error (exit 2, before any call) when none are set or only one
    /// half of the access key pair is.</summary>
    public static GongCredentials ResolveCredentials(CliEnvironment environment)
    {
        GongCredentials? credentials;
        try
        {
            credentials = GongCredentials.FromEnvironment(environment.GetVariable);
        }
        catch (ArgumentException)
        {
            // Its message names the variable that is set; say it in our words, without a parameter name.
            var keySet = !string.IsNullOrWhiteSpace(environment.GetVariable(GongCredentials.AccessKeyVariable));
            throw new UsageException(
                $"{GongCredentials.AccessKeyVariable} and {GongCredentials.AccessKeySecretVariable} must be set together; only "
                + $"{(keySet ? GongCredentials.AccessKeyVariable : GongCredentials.AccessKeySecretVariable)} is set.");
        }

        return credentials ?? throw new UsageException("No Gong credentials: set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN.");
    }

    public static GongCrmClient CreateClient(Uri baseUrl, GongCredentials credentials, double requestsPerSecond, ILoggerFactory loggers) =>
        CreateClient(baseUrl, credentials, requestsPerSecond, loggers, configure: null);

    /// <summary>Creates the client, letting <paramref name="configure"/> set more options (the sync's call counter,
    /// its longest wait, its upload rate) before they are checked.</summary>
    public static GongCrmClient CreateClient(
        Uri baseUrl, GongCredentials credentials, double requestsPerSecond, ILoggerFactory loggers, Action<GongClientOptions>? configure)
    {
        var options = new GongClientOptions { BaseUrl = baseUrl, Credentials = credentials, RequestsPerSecond = requestsPerSecond };
        configure?.Invoke(options);
        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new UsageException(exception.Message);
        }

        return new GongCrmClient(options, loggers.CreateLogger<GongCrmClient>());
    }
}
