using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GongCrmBridge.Gong.Tests.Support;

/// <summary>A minimal HTTP/1.1 server on loopback that keeps connections alive and, for chosen requests, closes the
/// connection gracefully without an answer: what a load balancer does to an idle keep-alive connection just as a
/// request arrives. It counts every request that reaches it.</summary>
internal sealed class ClosingServer : IAsyncDisposable
{
    private const string Answer = """{"requestId":"r","integrations":[]}""";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HashSet<int> _unanswered;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _requests;
    private int _connections;

    public ClosingServer(params int[] unanswered)
    {
        _unanswered = [.. unanswered];
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Gets the requests that reached the server.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Gets the connections the client opened.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        Interlocked.Increment(ref _connections);
        using (connection)
        {
            var stream = connection.GetStream();
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var head = await ReadHeadAsync(stream, buffer);
                if (head is null)
                {
                    return;
                }

                if (_unanswered.Contains(Interlocked.Increment(ref _requests)))
                {
                    connection.Client.Shutdown(SocketShutdown.Both); // a clean FIN, no answer
                    return;
                }

                var close = head.Contains("Connection: close", StringComparison.OrdinalIgnoreCase);
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Answer.Length}\r\n{(close ? "Connection: close\r\n" : string.Empty)}\r\n{Answer}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                if (close)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Reads one request head (the calls here have no body); null when the client closed.</summary>
    private static async Task<string?> ReadHeadAsync(NetworkStream stream, byte[] buffer)
    {
        var head = new StringBuilder();
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return null;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return head.ToString();
    }
}
