namespace TodoClean.Infrastructure.Persistence.Auth;

/// <summary>
/// One fixed-window counter of the gateway's limits (credential requests per address, failed password checks per
/// account), kept in the auth store so that every gateway instance on the same store counts together. The key is a
/// SHA-256 of what is counted (never the address or the email itself).
/// </summary>
internal sealed class RateLimitCounter
{
    public string Key { get; private set; } = string.Empty;

    public DateTime WindowStart { get; private set; }

    public long Count { get; private set; }
}
