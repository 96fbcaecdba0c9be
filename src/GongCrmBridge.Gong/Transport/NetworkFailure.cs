using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using Flurl.Http;
using Polly.Timeout;

namespace GongCrmBridge.Gong.Transport;

/// <summary>Says in words why a call got no answer: the host, and connection refused, DNS, TLS, timeout or a
/// dropped connection, instead of the name of the exception type.</summary>
internal static class NetworkFailure
{
    /// <summary>Returns e.g. "us-1.api.gong.io: the connection was refused (nothing listens on port 443)".</summary>
    /// <param name="exception">How the last attempt ended.</param>
    /// <param name="baseUrl">Gong's base URL.</param>
    /// <param name="attemptTimeout">The time the attempt had: a cancellation that the caller did not ask for is it.</param>
    public static string Describe(Exception exception, Uri baseUrl, TimeSpan attemptTimeout)
    {
        var host = baseUrl.IsDefaultPort ? baseUrl.Host : string.Create(CultureInfo.InvariantCulture, $"{baseUrl.Host}:{baseUrl.Port}");
        return host + ": " + Cause(exception, baseUrl, attemptTimeout);
    }

    private static string Cause(Exception exception, Uri baseUrl, TimeSpan attemptTimeout)
    {
        var chain = Chain(exception).ToList();
        if (chain.OfType<TimeoutRejectedException>().FirstOrDefault() is { } timeout)
        {
            attemptTimeout = timeout.Timeout;
        }

        // The per-attempt timeout cancels the send; the caller's own stop never gets here.
        if (chain.Any(e => e is TimeoutRejectedException or OperationCanceledException or FlurlHttpTimeoutException))
        {
            return string.Create(CultureInfo.InvariantCulture, $"no answer within {attemptTimeout.TotalSeconds:0.#} s (timeout)");
        }

        if (chain.OfType<AuthenticationException>().Any())
        {
            return "the TLS handshake failed (certificate not trusted, or not a TLS server); check the base URL and any proxy";
        }

        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => string.Create(CultureInfo.InvariantCulture, $"the connection was refused (nothing listens on port {baseUrl.Port})"),
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the host name could not be resolved (DNS); check the base URL",
                SocketError.TimedOut => "the connection timed out",
                SocketError.ConnectionReset or SocketError.ConnectionAborted => "the connection was reset",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "the network or host is unreachable",
                _ => "a network error (" + socket.SocketErrorCode + ")",
            };
        }

        if (chain.OfType<HttpRequestException>().FirstOrDefault() is { } http)
        {
            return http.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "the host name could not be resolved (DNS); check the base URL",
                HttpRequestError.SecureConnectionError => "the TLS handshake failed; check the base URL and any proxy",
                HttpRequestError.ConnectionError => "the connection could not be made",
                HttpRequestError.ResponseEnded => "the connection was closed before Gong answered",
                HttpRequestError.ProxyTunnelError => "the proxy refused the connection",
                _ => "the connection failed",
            };
        }

        if (chain.OfType<IOException>().Any())
        {
            return "the connection was closed before Gong answered";
        }

        return "no answer";
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
