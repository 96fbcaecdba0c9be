using System.Text;
using Flurl.Http.Testing;
using GongCrmBridge.Gong.Tests.Support;

namespace GongCrmBridge.Gong.Tests;

/// <summary>Credentials never appear in exception messages, logs or ToString.</summary>
public sealed class CredentialSafetyTests : IDisposable
{
    private static readonly string BasicToken = Convert.ToBase64String(Encoding.UTF8.GetBytes(Clients.AccessKey + ":" + Clients.Secret));
    private readonly HttpTest _http = new();
    private readonly TestLogger _logger = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Failures_ErrorBodyEchoesCredentials_NeitherMessagesNorLogsContainThem()
    {
        var time = Clients.NewClock();
        using var client = Clients.Create(time, o => o.MaxRetries = 2, _logger);
        var echo = $$"""{"requestId":"r1","errors":["bad header Basic {{BasicToken}}","secret {{Clients.Secret}}"]}""";
        _http.RespondWith(echo, 500).RespondWith(echo, 503).RespondWith(echo, 401)
            .RespondWith(echo, 429, new { Retry_After = "9999" })
            .SimulateException(new HttpRequestException("reset"));

        var messages = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var exception = await Assert.ThrowsAnyAsync<Exception>(() => time.RunAsync(client.ListIntegrationsAsync()));
            messages.Add(exception.ToString());
            if (exception is GongApiException api)
            {
                messages.AddRange(api.Errors);
            }
        }

        var everything = string.Join('\n', messages) + "\n" + _logger.AllText;
        Assert.NotEmpty(_logger.Lines);
        Assert.Contains("***", everything, StringComparison.Ordinal); // the echoed secrets were there, and were blanked
        Assert.DoesNotContain(Clients.Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(BasicToken, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkFailureAfterRetries_MessageHasNoCredentials()
    {
        var time = Clients.NewClock();
        using var client = new GongCrmClient(new GongClientOptions
        {
            BaseUrl = Clients.BaseUrl,
            Credentials = GongCredentials.Bearer("bearer-secret-token"),
            TimeProvider = time,
            MaxRetries = 1,
        }, _logger);
        _http.SimulateTimeout().SimulateException(new HttpRequestException("connection refused"));

        var exception = await Assert.ThrowsAsync<GongApiException>(() => time.RunAsync(client.GetRequestStatusAsync(1, "x")));

        Assert.DoesNotContain("bearer-secret-token", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bearer-secret-token", _logger.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Credentials_HidesSecrets()
    {
        var basic = GongCredentials.Basic(Clients.AccessKey, Clients.Secret);
        var bearer = GongCredentials.Bearer("bearer-secret-token");

        Assert.DoesNotContain(Clients.Secret, basic.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(BasicToken, basic.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bearer-secret-token", bearer.ToString(), StringComparison.Ordinal);
        Assert.Equal("Basic", basic.Scheme);
        Assert.Equal("Bearer", bearer.Scheme);
    }
}
