namespace TodoClean.AuthGateway.Services;

/// <summary>The gateway's own settings in section <c>Auth</c> (session lifetimes live beside them in the same section).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Auth";

    /// <summary>Public origin of the gateway. An https URL turns on <c>Secure</c> cookies with the <c>__Secure-</c> prefix.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Key that signs session cookies (env <c>BETTER_AUTH_SECRET</c>); derived from the JWT secret when unset.</summary>
    public string? Secret { get; set; }

    /// <summary>Origins allowed to make cookie-authenticated state changes, besides <see cref="BaseUrl"/>.</summary>
    public string[] TrustedOrigins { get; set; } = [];

    public bool UsesHttps => BaseUrl is not null && BaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
