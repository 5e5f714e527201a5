namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Configuration section <c>RateLimiting</c>. The credential and per-account counters live in the auth store, shared by
/// every gateway instance on it; the token-refresh counters live in each process (docs/scale-out.md).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in, sign-up and change-password requests per client address per <see cref="CredentialWindow"/>.</summary>
    public int CredentialPermitsPerIp { get; set; } = 30;

    public TimeSpan CredentialWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Token and session reads (the silent refresh) per client address per <see cref="TokenWindow"/>.</summary>
    public int TokenPermitsPerIp { get; set; } = 300;

    /// <summary>Token and session reads per session per <see cref="TokenWindow"/>.</summary>
    public int TokenPermitsPerSession { get; set; } = 60;

    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Failed password checks (sign-in, change-password) per account from one client address per <see cref="AccountWindow"/>;
    /// then that address waits, even with the right password.
    /// </summary>
    public int FailuresPerAccount { get; set; } = 10;

    /// <summary>Failed password checks per account from all addresses together per <see cref="AccountWindow"/>; then every address waits.</summary>
    public int FailuresPerAccountAllAddresses { get; set; } = 100;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Requests that send mail (password-reset and verification links) per client address, and per recipient address, per
    /// <see cref="MailWindow"/>: Better Auth's 3 per 60 seconds.
    /// </summary>
    public int MailPermitsPerIp { get; set; } = 3;

    /// <inheritdoc cref="MailPermitsPerIp"/>
    public int MailPermitsPerAddress { get; set; } = 3;

    public TimeSpan MailWindow { get; set; } = TimeSpan.FromMinutes(1);
}
