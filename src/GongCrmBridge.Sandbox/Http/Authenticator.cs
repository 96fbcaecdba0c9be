using System.Security.Cryptography;
using System.Text;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>Checks <c>Authorization: Basic base64(key:secret)</c> or <c>Bearer token</c> in constant time.</summary>
internal sealed class Authenticator
{
    private readonly byte[]? _basic;
    private readonly byte[]? _bearer;

    public Authenticator(SandboxOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKey) && !string.IsNullOrEmpty(options.AccessKeySecret))
        {
            _basic = Encoding.UTF8.GetBytes(options.AccessKey + ":" + options.AccessKeySecret);
        }

        if (!string.IsNullOrEmpty(options.BearerToken))
        {
            _bearer = Encoding.UTF8.GetBytes(options.BearerToken);
        }
    }

    public bool IsAuthorized(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var scheme = header[..space];
        var value = header[(space + 1)..].Trim();
        if (_basic is not null && scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = new byte[value.Length];
            return Convert.TryFromBase64String(value, decoded, out var written)
                && CryptographicOperations.FixedTimeEquals(decoded.AsSpan(0, written), _basic);
        }

        if (_bearer is not null && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _bearer);
        }

        return false;
    }
}
