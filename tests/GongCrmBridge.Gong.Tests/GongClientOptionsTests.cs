using GongCrmBridge.Gong.Tests.Support;

namespace GongCrmBridge.Gong.Tests;

public sealed class GongClientOptionsTests
{
    [Theory]
    [InlineData("https://us-1.api.gong.io")]
    [InlineData("http://127.0.0.1:5055")]
    [InlineData("http://localhost:5055/")]
    [InlineData("http://[::1]:8080")]
    public void Validate_AllowedBaseUrl_Passes(string address)
    {
        var options = Clients.Options(Clients.NewClock(), o => o.BaseUrl = new Uri(address));

        options.Validate();
    }

    [Theory]
    [InlineData("http://us-1.api.gong.io")]
    [InlineData("http://10.0.0.5")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("https://host/?x=1")]
    public void Validate_RefusedBaseUrl_ThrowsNamingBaseUrl(string address)
    {
        var options = Clients.Options(Clients.NewClock(), o => o.BaseUrl = new Uri(address));

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal("BaseUrl", exception.ParamName);
        Assert.Contains("GongClientOptions.BaseUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_OptionsChangedAfterwards_ClientKeepsWhatItWasGiven()
    {
        // Given a client built from options that the caller changes afterwards
        using var http = new Flurl.Http.Testing.HttpTest();
        http.RespondWith("""{"requestId":"r1","integrations":[]}""");
        var options = Clients.Options(Clients.NewClock());
        using var client = new GongCrmClient(options);
        options.BaseUrl = new Uri("https://elsewhere.example");
        options.Credentials = GongCredentials.Bearer("another-token");

        // When it calls Gong
        await client.ListIntegrationsAsync();

        // Then it uses the base URL and credentials it was built with
        http.ShouldHaveCalled(Clients.BaseUrl + "v2/crm/integrations").WithBasicAuth(Clients.AccessKey, Clients.Secret).Times(1);
        http.ShouldNotHaveCalled("https://elsewhere.example/*");
    }

    [Fact]
    public void Copy_EveryOption_IsCopied()
    {
        // Given options where every settable property differs from its default
        var options = Clients.Options(Clients.NewClock(), o =>
        {
            o.RequestsPerSecond = 1.5;
            o.MaxRetries = 2;
            o.AttemptTimeout = TimeSpan.FromSeconds(7);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(300);
            o.MaxRetryDelay = TimeSpan.FromSeconds(9);
            o.MaxUploadBytes = 1234;
        });

        // When copied
        var copy = options.Copy();

        // Then every public property has the same value, in a different object
        Assert.NotSame(options, copy);
        foreach (var property in typeof(GongClientOptions).GetProperties())
        {
            Assert.Equal(property.GetValue(options), property.GetValue(copy));
        }
    }

    [Fact]
    public void Constructor_PlainHttpToRemoteHost_Refused()
    {
        var options = Clients.Options(Clients.NewClock(), o => o.BaseUrl = new Uri("http://api.gong.io"));

        Assert.Throws<ArgumentException>(() => new GongCrmClient(options));
    }

    [Theory]
    [InlineData(nameof(GongClientOptions.RequestsPerSecond))]
    [InlineData(nameof(GongClientOptions.MaxRetries))]
    [InlineData(nameof(GongClientOptions.AttemptTimeout))]
    [InlineData(nameof(GongClientOptions.MaxRetryDelay))]
    [InlineData(nameof(GongClientOptions.MaxUploadBytes))]
    [InlineData(nameof(GongClientOptions.Credentials))]
    public void Validate_BadValue_ThrowsNamingTheOption(string option)
    {
        var options = Clients.Options(Clients.NewClock(), o =>
        {
            switch (option)
            {
                case nameof(GongClientOptions.RequestsPerSecond): o.RequestsPerSecond = 0; break;
                case nameof(GongClientOptions.MaxRetries): o.MaxRetries = -1; break;
                case nameof(GongClientOptions.AttemptTimeout): o.AttemptTimeout = TimeSpan.Zero; break;
                case nameof(GongClientOptions.MaxRetryDelay): o.MaxRetryDelay = TimeSpan.Zero; break;
                case nameof(GongClientOptions.MaxUploadBytes): o.MaxUploadBytes = 0; break;
                case nameof(GongClientOptions.Credentials): o.Credentials = null!; break;
            }
        });

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(option, exception.ParamName);
    }

    [Fact]
    public void Defaults_AreGongs()
    {
        var options = Clients.Options(Clients.NewClock());

        Assert.Equal(3, options.RequestsPerSecond);
        Assert.Equal(6, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(100), options.AttemptTimeout);
        Assert.Equal(200_000_000, options.MaxUploadBytes);
    }

    [Fact]
    public void FromEnvironment_KeyAndSecret_Basic()
    {
        var env = new Dictionary<string, string?> { ["GONG_ACCESS_KEY"] = "k", ["GONG_ACCESS_KEY_SECRET"] = "s", ["GONG_BEARER_TOKEN"] = "t" };

        var credentials = GongCredentials.FromEnvironment(name => env.GetValueOrDefault(name));

        Assert.Equal("Basic", credentials!.Scheme);
    }

    [Fact]
    public void FromEnvironment_TokenOnly_Bearer()
    {
        var credentials = GongCredentials.FromEnvironment(name => name == "GONG_BEARER_TOKEN" ? "t" : null);

        Assert.Equal("Bearer", credentials!.Scheme);
    }

    [Fact]
    public void FromEnvironment_Nothing_Null()
    {
        Assert.Null(GongCredentials.FromEnvironment(_ => null));
    }

    [Fact]
    public void FromEnvironment_KeyWithoutSecret_ThrowsNamingTheMissingOne()
    {
        var exception = Assert.Throws<ArgumentException>(() => GongCredentials.FromEnvironment(name => name == "GONG_ACCESS_KEY" ? "k" : null));

        Assert.Contains("GONG_ACCESS_KEY_SECRET", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc-DEF_123", true)]
    [InlineData("a", true)]
    [InlineData("a b", false)]
    [InlineData("a+b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ClientRequestIds_IsValid_OnlyLettersDigitsDashUnderscore(string? id, bool expected)
    {
        Assert.Equal(expected, ClientRequestIds.IsValid(id));
    }
}
