using System.Collections.Concurrent;
using Flurl.Http;
using Flurl.Http.Testing;
using GongCrmBridge.Gong.Tests.Support;
using GongCrmBridge.Testing;

namespace GongCrmBridge.Gong.Tests.Hardening;

/// <summary>Issue 10, items 22, 25 and 27, on the fake clock: the rate limit holds from the first call on whatever
/// the network delays, an upload's timeout grows with its size, and Gong's texts reach the report cleaned.</summary>
public sealed class PaceAndTextTests : IDisposable
{
    private readonly HttpTest _http = new();
    private readonly TestClock _time = Clients.NewClock();

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task FirstCallSpendsTimeOnTheWayToGong_NoFourCallsReachGongWithinOneSecond()
    {
        using var client = Clients.Create(_time);
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        var first = true;
        client.Http.BeforeCall(async _ =>
        {
            if (first)
            {
                // A fresh run's first call: JIT, DNS, TCP and TLS before the request reaches Gong.
                first = false;
                await Task.Delay(TimeSpan.FromMilliseconds(400), _time);
            }

            arrivals.Enqueue(_time.GetUtcNow());
        });
        for (var i = 0; i < 4; i++)
        {
            _http.RespondWith("""{"integrations":[]}""");
        }

        await _time.RunAsync(CallInTurnAsync(client, 4)); // a sync starts with calls one after the other

        var times = arrivals.ToArray();
        Assert.Equal(4, times.Length);
        Assert.True(times[3] - times[0] >= TimeSpan.FromSeconds(1), $"the 1st and 4th call reached Gong {(times[3] - times[0]).TotalMilliseconds} ms apart");
    }

    [Fact]
    public void AttemptTimeoutFor_ScalesWithTheBytes()
    {
        var options = Clients.Options(_time);

        Assert.Equal(TimeSpan.FromSeconds(100), options.AttemptTimeoutFor(0));
        Assert.Equal(TimeSpan.FromSeconds(900), options.AttemptTimeoutFor(200_000_000)); // 200 MB at 2 Mbit/s
    }

    [Fact]
    public async Task RequestStatus_GongDescriptionWithControlsAndMegabytes_KeptButCleanedAndCapped()
    {
        using var client = Clients.Create(_time);
        var description = "Field 'name' \u001b[31mis invalid\u001b[0m\r\n2024-03-01 INFO forged log line\t" + new string('x', 100_000);
        _http.RespondWithJson(new
        {
            requestId = "r",
            status = "DONE",
            totalSuccessCount = 0,
            totalErrorCount = 1,
            errors = new[] { new { line = 1, description } },
        });

        var status = await _time.RunAsync(client.GetRequestStatusAsync(7, "acct-1"));

        var text = Assert.Single(status.Errors).Description!;
        Assert.StartsWith("Field 'name' [31mis invalid [0m 2024-03-01 INFO forged log line xxx", text, StringComparison.Ordinal);
        Assert.True(text.Length <= GongText.MaxLength, $"{text.Length} characters");
        Assert.DoesNotContain(text, char.IsControl);
    }

    [Fact]
    public async Task ErrorEnvelope_GongErrorsWithLineBreaks_MessageIsOneCleanLine()
    {
        using var client = Clients.Create(_time);
        _http.RespondWith("""{"requestId":"r\n1","errors":["bad\r\nFAKE: injected line", "\u202Eevil"]}""", 400);

        var failure = await Assert.ThrowsAsync<GongApiException>(() => _time.RunAsync(client.ListIntegrationsAsync()));

        Assert.Equal(["bad FAKE: injected line", "evil"], failure.Errors);
        Assert.DoesNotContain(failure.Message, char.IsControl);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("  two\n\nlines  ", "two lines")]
    [InlineData("a\u2066b\u2069c", "abc")]
    public void Clean_Examples(string text, string expected) => Assert.Equal(expected, GongText.Clean(text));

    [Fact]
    public void Clean_LongText_CutWithAnEllipsisAndNoHalfSurrogate()
    {
        var text = GongText.Clean(new string('a', 8) + string.Concat(Enumerable.Repeat("😀", 10)), 12)!;

        Assert.Equal("aaaaaaaa😀…", text);
    }

    private static async Task CallInTurnAsync(GongCrmClient client, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            await client.ListIntegrationsAsync();
        }
    }

}
