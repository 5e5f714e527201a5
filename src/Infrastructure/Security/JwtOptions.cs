namespace TodoClean.Infrastructure.Security;

/// <summary>Configuration section <c>Jwt</c>, the same on both hosts (the secret comes from an env alias).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>The HS256 key shared by both hosts, at least 32 bytes. Never logged. WebApi may do without it when <see cref="JwksUrl"/> is set.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>
    /// Gateway: how minted tokens are signed — <c>HS256</c> with <see cref="Secret"/> (the default), or <c>ES256</c> /
    /// <c>EdDSA</c> with a private key kept in the auth store and published at <c>/api/auth/jwks</c>.
    /// </summary>
    public string Algorithm { get; set; } = HmacAlgorithm;

    public const string HmacAlgorithm = "HS256";

    /// <summary>Gateway, ES256/EdDSA: how long a signing key signs before a new one takes over.</summary>
    public TimeSpan KeyRotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gateway: how long a retired key stays published, so tokens it signed still verify (Better Auth: 30 days).</summary>
    public TimeSpan KeyGracePeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// WebApi only: the JWKS endpoint of an issuer that signs asymmetrically (a Better Auth server's
    /// <c>/api/auth/jwks</c>, or the gateway's in ES256/EdDSA mode). https, except to a loopback address or in Development.
    /// </summary>
    public string? JwksUrl { get; set; }

    /// <summary>How often the JWKS is fetched again on its own (at least 5 minutes; IdentityModel adds some jitter).</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two fetches caused by a token whose <c>kid</c> is unknown, so forged key ids cannot turn
    /// into a fetch storm (at least 1 second).
    /// </summary>
    public TimeSpan JwksRefetchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a JWKS fetch may take; a request waits at most this long, and only while no key is cached yet.</summary>
    public TimeSpan JwksTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public string Issuer { get; set; } = "todoclean-auth";

    public string Audience { get; set; } = "todoclean-api";

    /// <summary>Lifetime of a minted JWT; the browser refreshes at about 80 % of it.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Allowed clock difference for <c>exp</c>, <c>nbf</c> and <c>iat</c> (at most 30 s).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
