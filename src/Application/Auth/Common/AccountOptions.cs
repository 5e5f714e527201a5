namespace TodoClean.Application.Auth.Common;

/// <summary>The account-recovery and verification settings (configuration section <c>Auth</c>, beside the session ones).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Auth";

    /// <summary>When on, an unverified address cannot sign in (403 <c>EMAIL_NOT_VERIFIED</c>) and sign-up does not sign in.</summary>
    public bool RequireEmailVerification { get; set; }

    /// <summary>How long a mailed password-reset link works (Better Auth <c>resetPasswordTokenExpiresIn</c>, 1 hour).</summary>
    public TimeSpan ResetPasswordTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether a password reset ends every session of the user. On by default — a reset usually follows a compromise —
    /// where Better Auth's <c>revokeSessionsOnPasswordReset</c> is off.
    /// </summary>
    public bool RevokeSessionsOnPasswordReset { get; set; } = true;

    /// <summary>How long a mailed verification link works (Better Auth <c>emailVerification.expiresIn</c>, 1 hour).</summary>
    public TimeSpan EmailVerificationTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
