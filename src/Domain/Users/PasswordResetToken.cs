using TodoClean.Domain.Common;

namespace TodoClean.Domain.Users;

/// <summary>
/// A password-reset link that was mailed to a user: only the hash of its token is stored, it works once, and not after
/// <see cref="ExpiresAt"/>.
/// </summary>
public sealed class PasswordResetToken
{
    private PasswordResetToken()
    {
    }

    /// <summary>The SHA-256 of the token in the link (hex); the token itself is never stored.</summary>
    public string TokenHash { get; private set; } = string.Empty;

    public string UserId { get; private set; } = string.Empty;

    public DateTime ExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static PasswordResetToken Issue(string tokenHash, string userId, DateTime now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A reset link must live a while.");
        }

        return new PasswordResetToken
        {
            TokenHash = Required(tokenHash, nameof(tokenHash)),
            UserId = Required(userId, nameof(userId)),
            CreatedAt = Guard.Utc(now),
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsLiveAt(DateTime now) => now < ExpiresAt;

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A reset token names its hash and its user.", name) : value;
}
