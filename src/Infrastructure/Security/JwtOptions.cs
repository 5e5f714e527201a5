namespace TodoClean.Infrastructure.Security;

/// <summary>Configuration section <c>Jwt</c>, the same on both hosts (the secret comes from an env alias).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>The HS256 key shared by both hosts, at least 32 bytes. Never logged.</summary>
    public string Secret { get; set; } = string.Empty;

    public string Issuer { get; set; } = "todoclean-auth";

    public string Audience { get; set; } = "todoclean-api";

    /// <summary>Lifetime of a minted JWT; the browser refreshes at about 80 % of it.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Allowed clock difference for <c>exp</c>, <c>nbf</c> and <c>iat</c> (at most 30 s).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
