using GongCrmBridge.Mapping;

namespace GongCrmBridge.Tests.Mapping;

public sealed class TransformsTests
{
    [Theory]
    [InlineData("trim", "  a b \t", "a b")]
    [InlineData("lower", "ÄbC", "äbc")]
    [InlineData("upper", "äbc", "ÄBC")]
    [InlineData("digits", "+1 (555) 010-0200 ext. 7", "155501002007")]
    [InlineData("digits", "none", "")]
    [InlineData("slug", "  Closed Won!! ", "closed-won")]
    [InlineData("slug", "Stage 2 / Négociation", "stage-2-negociation")]
    [InlineData("slug", "---", "")]
    [InlineData("domain", "https://www.Acme.com/about?x=1#top", "acme.com")]
    [InlineData("domain", "http://user:pw@shop.acme.co.uk:8443/", "shop.acme.co.uk")]
    [InlineData("domain", "www.acme.com", "acme.com")]
    [InlineData("domain", "acme.com.", "acme.com")]
    [InlineData("domain", "Jo.Doe@Acme.COM", "acme.com")]
    [InlineData("domain", "mailto:jo@acme.com", "acme.com")]
    [InlineData("domain", " ", "")]
    public void Apply_Transform_GivesExpectedText(string name, string input, string expected)
    {
        Assert.True(Transforms.TryParse(name, out var transform));
        var buffer = new char[1];

        var result = Transforms.Apply(transform, input, ref buffer);

        Assert.Equal(expected, result.ToString());
    }

    [Theory]
    [InlineData("trim", "Trim")]
    [InlineData("Domain", "Domain")]
    [InlineData("SLUG", "Slug")]
    public void TryParse_KnownName_Parses(string name, string expected)
    {
        Assert.True(Transforms.TryParse(name, out var transform));
        Assert.Equal(expected, transform.ToString());
    }

    [Theory]
    [InlineData("shout")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("trim, lower")]
    [InlineData("Trim,Lower")]
    public void TryParse_UnknownName_Fails(string name) => Assert.False(Transforms.TryParse(name, out _));
}
