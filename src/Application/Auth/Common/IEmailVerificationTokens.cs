namespace TodoClean.Application.Auth.Common;

/// <summary>
/// Better Auth's email-verification token: an HS256 JWT carrying the (lower-cased) address and the user id, valid for
/// <see cref="AccountOptions.EmailVerificationTokenLifetime"/>. Nothing is stored: the signature is the proof.
/// </summary>
public interface IEmailVerificationTokens
{
    string Issue(string email, string userId, TimeSpan lifetime);

    /// <summary>What <paramref name="token"/> says, or why it cannot be used.</summary>
    Task<EmailVerificationToken> ReadAsync(string? token);
}

public enum EmailVerificationTokenState
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>A read token: its state and, when valid, the address and user id it was issued for.</summary>
public sealed record EmailVerificationToken(EmailVerificationTokenState State, string? Email = null, string? UserId = null);
