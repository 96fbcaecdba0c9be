using System.Net.Sockets;

namespace GongCrmBridge.Gong.Transport;

/// <summary>Makes every attempt on the wire one the pipeline made: each request gets a connection of its own, and a
/// request that already had one is never sent again by the handler.</summary>
/// <remarks>When a connection closes before the answer, .NET's handler re-sends the request by itself on a new
/// connection, even a connection that was new. That attempt reached Gong past the rate limiter and the call counter
/// (and could apply an upload twice). Here the handler's second connection for the same request is refused: the
/// request fails, and the retry pipeline, which counts and paces every attempt, decides whether to send it again.</remarks>
internal static class OneConnectionPerAttempt
{
    private static readonly HttpRequestOptionsKey<bool> Connected = new("GongCrmBridge.Connected");

    /// <summary>Sets up <paramref name="handler"/>: no pooled connections, and the refusal above.</summary>
    public static void Apply(SocketsHttpHandler handler)
    {
        handler.PooledConnectionLifetime = TimeSpan.Zero;
        handler.ConnectCallback = ConnectAsync;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var request = context.InitialRequestMessage;
        if (request.Options.TryGetValue(Connected, out _))
        {
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "The connection closed before Gong answered; the request is not re-sent behind the retry pipeline's back.");
        }

        request.Options.Set(Connected, true);
        Socket? socket = new(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            var stream = new NetworkStream(socket, ownsSocket: true);
            socket = null; // the stream owns it now
            return stream;
        }
        finally
        {
            socket?.Dispose();
        }
    }
}
