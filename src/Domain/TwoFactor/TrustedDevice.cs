using TodoClean.Domain.Common;

namespace TodoClean.Domain.TwoFactor;

/// <summary>
/// A browser that passed the second factor with "trust this device": while it lasts, a sign-in from it with the right
/// password needs no code. The browser holds the token in the signed <c>better-auth.trust_device</c> cookie; only its
/// hash is stored. Each use replaces it with a new one.
/// </summary>
public sealed class TrustedDevice
{
    private TrustedDevice()
    {
    }

    public string Id { get; private set; } = string.Empty;
    public string TokenHash { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    public static TrustedDevice Trust(string id, string tokenHash, string userId, DateTime now, TimeSpan lifetime) => new()
    {
        Id = id,
        TokenHash = tokenHash,
        UserId = userId,
        CreatedAt = Guard.Utc(now),
        ExpiresAt = now + lifetime,
    };
}
