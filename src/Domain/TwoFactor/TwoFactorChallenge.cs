using TodoClean.Domain.Common;

namespace TodoClean.Domain.TwoFactor;

/// <summary>
/// A sign-in waiting for its second factor: the password was right, no session exists yet. The client holds the
/// challenge token in the signed <c>better-auth.two_factor</c> cookie; only its hash is stored. It ends after
/// <see cref="MaxAttempts"/> wrong codes, at <see cref="ExpiresAt"/>, or when a code is accepted.
/// </summary>
public sealed class TwoFactorChallenge
{
    /// <summary>Wrong codes one challenge allows, as Better Auth.</summary>
    public const int MaxAttempts = 5;

    private TwoFactorChallenge()
    {
    }

    public string Id { get; private set; } = string.Empty;
    public string TokenHash { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public bool RememberMe { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    public static TwoFactorChallenge Start(
        string id, string tokenHash, string userId, bool rememberMe, DateTime now, TimeSpan lifetime) => new()
    {
        Id = id,
        TokenHash = tokenHash,
        UserId = userId,
        RememberMe = rememberMe,
        CreatedAt = Guard.Utc(now),
        ExpiresAt = now + lifetime,
    };
}
