namespace TodoClean.Application.Auth.Common;

/// <summary>
/// Sends the mail the auth use cases need. <see cref="Queue"/> hands a message to a background sender and returns at once,
/// so no answer waits for a mail server — and an answer for an address with an account takes no longer than one without.
/// </summary>
public interface IAuthMailer
{
    /// <summary>Whether a transport is configured. Without one, password reset and email verification are off.</summary>
    bool Enabled { get; }

    void Queue(AuthMail mail);
}

public enum AuthMailKind
{
    PasswordReset,
    EmailVerification,
}

/// <summary>
/// One message: what it is for, to whom, the link to follow and until when it works, and who asked from where and when
/// (so someone who did not ask can tell).
/// </summary>
public sealed record AuthMail(
    AuthMailKind Kind, string To, string Name, string Link, DateTime LinkExpiresAt, string? RequestedFrom, DateTime RequestedAt);
