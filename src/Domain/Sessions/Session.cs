using TodoClean.Domain.Common;

namespace TodoClean.Domain.Sessions;

/// <summary>
/// A signed-in device. Only the SHA-256 of its bearer token is stored, so a leaked table cannot be replayed.
/// </summary>
public sealed class Session
{
    public const int MaxUserAgentLength = 512;
    public const int MaxIpAddressLength = 45;

    private Session()
    {
    }

    public string Id { get; private set; } = string.Empty;
    public string TokenHash { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public DateTime ExpiresAt { get; private set; }
    public string IpAddress { get; private set; } = string.Empty;
    public string UserAgent { get; private set; } = string.Empty;

    /// <summary>False for a "don't remember me" sign-in: shorter life, never extended.</summary>
    public bool RememberMe { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static Session Start(
        string id, string tokenHash, string userId, DateTime now, TimeSpan lifetime, bool rememberMe,
        string? ipAddress, string? userAgent)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A session lifetime must be positive.");
        }

        return new Session
        {
            Id = id,
            TokenHash = tokenHash,
            UserId = userId,
            CreatedAt = Guard.Utc(now),
            UpdatedAt = now,
            ExpiresAt = now + lifetime,
            RememberMe = rememberMe,
            IpAddress = Truncate(ipAddress, MaxIpAddressLength),
            UserAgent = Truncate(userAgent, MaxUserAgentLength),
        };
    }

    public bool IsExpired(DateTime now) => now >= ExpiresAt;

    /// <summary>
    /// Sliding expiry: once <paramref name="updateAge"/> has passed since the last renewal, push the expiry
    /// out to a full <paramref name="lifetime"/> again. Returns whether the session was renewed.
    /// </summary>
    public bool TryRenew(DateTime now, TimeSpan lifetime, TimeSpan updateAge)
    {
        if (RenewedExpiry(ExpiresAt, RememberMe, now, lifetime, updateAge) is not { } expiresAt)
        {
            return false;
        }

        ExpiresAt = expiresAt;
        UpdatedAt = Guard.Utc(now);
        return true;
    }

    /// <summary>
    /// The sliding-expiry rule on its own, for a session known only by its expiry: the new expiry when a session that
    /// expires at <paramref name="expiresAt"/> is due for renewal at <paramref name="now"/>, else null. A "don't remember
    /// me" session is never renewed; an expired one is never revived.
    /// </summary>
    public static DateTime? RenewedExpiry(DateTime expiresAt, bool rememberMe, DateTime now, TimeSpan lifetime, TimeSpan updateAge) =>
        !rememberMe || now >= expiresAt || expiresAt - lifetime + updateAge > now ? null : now + lifetime;

    private static string Truncate(string? value, int max) =>
        value is null ? string.Empty : value.Length <= max ? value : value[..max];
}
