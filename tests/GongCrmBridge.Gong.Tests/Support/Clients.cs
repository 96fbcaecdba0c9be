using System.Collections.Concurrent;
using Flurl.Http;
using GongCrmBridge.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GongCrmBridge.Gong.Tests.Support;

/// <summary>Builds clients for HttpTest-based tests.</summary>
internal static class Clients
{
    public const string AccessKey = "test-access-key";
    public const string Secret = "S3cr3t-never-to-be-seen";
    public static readonly Uri BaseUrl = new("https://us-12345.api.gong.io");

    public static TestClock NewClock() => new(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public static GongClientOptions Options(FakeTimeProvider time, Action<GongClientOptions>? configure = null)
    {
        var options = new GongClientOptions
        {
            BaseUrl = BaseUrl,
            Credentials = GongCredentials.Basic(AccessKey, Secret),
            TimeProvider = time,
        };
        configure?.Invoke(options);
        return options;
    }

    public static GongCrmClient Create(FakeTimeProvider time, Action<GongClientOptions>? configure = null, TestLogger? logger = null) =>
        new(Options(time, configure), logger);

    /// <summary>Records the fake time at which each HTTP attempt starts.</summary>
    public static ConcurrentQueue<DateTimeOffset> StampAttempts(this GongCrmClient client, TimeProvider time)
    {
        var stamps = new ConcurrentQueue<DateTimeOffset>();
        client.Http.BeforeCall(_ => stamps.Enqueue(time.GetUtcNow()));
        return stamps;
    }
}
