using System.Text;

namespace GongCrmBridge.Gong;

/// <summary>How the client authenticates: a Gong access key (HTTP Basic) or an OAuth access token (Bearer).</summary>
/// <remarks>Secrets never leave this object except in the <c>Authorization</c> header; <c>ToString()</c> hides them.</remarks>
public abstract class GongCredentials
{
    /// <summary>The environment variable holding the access key.</summary>
    public const string AccessKeyVariable = "GONG_ACCESS_KEY";

    /// <summary>The environment variable holding the access key secret.</summary>
    public const string AccessKeySecretVariable = "GONG_ACCESS_KEY_SECRET";

    /// <summary>The environment variable holding an OAuth bearer token.</summary>
    public const string BearerTokenVariable = "GONG_BEARER_TOKEN";

    private protected GongCredentials()
    {
    }

    /// <summary>Gets the authentication scheme: <c>Basic</c> or <c>Bearer</c>.</summary>
    public abstract string Scheme { get; }

    /// <summary>Gets the value of the <c>Authorization</c> header (contains the secret).</summary>
    internal abstract string AuthorizationHeader { get; }

    /// <summary>Gets the secret strings, so that tests and log scrubbing can check they never leak.</summary>
    internal abstract IReadOnlyList<string> Secrets { get; }

    /// <summary>Creates access-key credentials (HTTP Basic).</summary>
    /// <param name="accessKey">The access key from Gong's API page.</param>
    /// <param name="accessKeySecret">The access key secret.</param>
    /// <exception cref="ArgumentException">A value is empty or the key contains a colon.</exception>
    public static GongCredentials Basic(string accessKey, string accessKeySecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeySecret);
        if (accessKey.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Gong access key cannot contain ':'.", nameof(accessKey));
        }

        return new BasicCredentials(accessKey, accessKeySecret);
    }

    /// <summary>Creates OAuth bearer-token credentials.</summary>
    /// <param name="accessToken">The OAuth access token.</param>
    /// <exception cref="ArgumentException">The token is empty.</exception>
    public static GongCredentials Bearer(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        return new BearerCredentials(accessToken);
    }

    /// <summary>
    /// Reads credentials from <c>GONG_ACCESS_KEY</c> + <c>GONG_ACCESS_KEY_SECRET</c>, else from <c>GONG_BEARER_TOKEN</c>.
    /// </summary>
    /// <param name="getVariable">Reads one variable, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <returns>The credentials, or <see langword="null"/> when none are set.</returns>
    /// <exception cref="ArgumentException">Only one of the access key and its secret is set.</exception>
    public static GongCredentials? FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var key = getVariable(AccessKeyVariable);
        var secret = getVariable(AccessKeySecretVariable);
        var hasKey = !string.IsNullOrWhiteSpace(key);
        var hasSecret = !string.IsNullOrWhiteSpace(secret);
        if (hasKey && hasSecret)
        {
            return Basic(key!, secret!);
        }

        if (hasKey != hasSecret)
        {
            throw new ArgumentException(
                $"{AccessKeyVariable} and {AccessKeySecretVariable} must be set together (only {(hasKey ? AccessKeyVariable : AccessKeySecretVariable)} is set).",
                nameof(getVariable));
        }

        var token = getVariable(BearerTokenVariable);
        return string.IsNullOrWhiteSpace(token) ? null : Bearer(token);
    }

    private sealed class BasicCredentials(string accessKey, string secret) : GongCredentials
    {
        public override string Scheme => "Basic";

        internal override string AuthorizationHeader { get; } =
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(accessKey + ":" + secret));

        internal override IReadOnlyList<string> Secrets => [secret, AuthorizationHeader["Basic ".Length..]];

        public override string ToString() => "Gong access key (Basic, secret hidden)";
    }

    private sealed class BearerCredentials(string token) : GongCredentials
    {
        public override string Scheme => "Bearer";

        internal override string AuthorizationHeader { get; } = "Bearer " + token;

        internal override IReadOnlyList<string> Secrets => [token];

        public override string ToString() => "Gong OAuth token (Bearer, hidden)";
    }
}
