namespace TodoClean.Application.Auth.Common;

/// <summary>Session lifetimes (configuration section <c>Auth</c>).</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Auth";

    /// <summary>How long a session lives after its last renewal (Better Auth <c>session.expiresIn</c>).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a session in use is renewed (Better Auth <c>session.updateAge</c>).</summary>
    public TimeSpan SessionUpdateAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How recent a sign-in must be for sensitive reads such as listing sessions (Better Auth <c>session.freshAge</c>).</summary>
    public TimeSpan FreshAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Lifetime of a "don't remember me" session: a browser-session cookie, never renewed.</summary>
    public TimeSpan ShortSessionLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The issuer an authenticator app shows beside the account when none is sent with enable.</summary>
    public string TwoFactorIssuer { get; set; } = "TodoClean";

    /// <summary>How long a sign-in may wait for its second factor (Better Auth <c>twoFactorCookieMaxAge</c>, 10 minutes).</summary>
    public TimeSpan TwoFactorChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "trust this device" skips the second factor (Better Auth <c>trustDeviceMaxAge</c>, 30 days).</summary>
    public TimeSpan TrustedDeviceLifetime { get; set; } = TimeSpan.FromDays(30);
}
