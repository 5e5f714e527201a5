namespace TodoClean.Application.Common.Interfaces;

/// <summary>
/// RFC 6238 time-based codes (SHA-1, 6 digits, 30-second steps, as Better Auth and every authenticator app) and the
/// encryption of their secrets at rest.
/// </summary>
public interface ITotpAuthenticator
{
    /// <summary>A new random secret (160 bits), Base32-encoded as authenticator apps read it.</summary>
    string NewSecret();

    /// <summary>The secret encrypted for the store; only <see cref="Unprotect"/> can read it back.</summary>
    string Protect(string secret);

    string Unprotect(string protectedSecret);

    /// <summary>The <c>otpauth://totp/…</c> URI an authenticator app enrols from.</summary>
    string Uri(string secret, string issuer, string account);

    /// <summary>
    /// The time step whose code <paramref name="code"/> is at <paramref name="now"/>, allowing one step either side for
    /// clock drift; null when it is no such code.
    /// </summary>
    long? MatchStep(string secret, string code, DateTime now);
}
