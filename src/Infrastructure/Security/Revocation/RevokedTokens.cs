using System.Collections.Concurrent;
using TodoClean.Application.Auth.Queries.GetRevocations;

namespace TodoClean.Infrastructure.Security.Revocation;

/// <summary>
/// The API's in-memory copy of the revocation feed: the session ids, and the users' "issued before" moments, whose JWTs
/// it must refuse although they have not expired. A check is two dictionary lookups, no I/O. Entries leave as soon as
/// every token they name has expired anyway, so memory holds at most the revocations of one token lifetime (with the
/// default 15 minutes: every sign-out, revoked device and changed password of the last quarter of an hour).
/// </summary>
public sealed class RevokedTokens(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTime> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTime IssuedBefore, DateTime ExpiresAt)> _users = new(StringComparer.Ordinal);

    /// <summary>The feed position applied so far (the next poll asks for what comes after it).</summary>
    public long Cursor { get; private set; }

    /// <summary>When the feed last answered; null before its first answer.</summary>
    public DateTimeOffset? LastUpdate { get; private set; }

    public int Count => _sessions.Count + _users.Count;

    /// <summary>Whether a token of session <paramref name="sessionId"/> and user <paramref name="userId"/>, issued at <paramref name="issuedAt"/>, is revoked.</summary>
    public bool IsRevoked(string? sessionId, string? userId, DateTime issuedAt) =>
        (sessionId is not null && _sessions.ContainsKey(sessionId))
        || (userId is not null && _users.TryGetValue(userId, out var user) && issuedAt < user.IssuedBefore);

    /// <summary>Adds one answer of the feed (applying a record twice changes nothing) and drops what has expired.</summary>
    public void Apply(RevocationFeed feed)
    {
        foreach (var entry in feed.Entries)
        {
            if (entry.SessionId is { } sessionId)
            {
                _sessions[sessionId] = entry.ExpiresAt;
            }
            else if (entry.IssuedBefore is { } issuedBefore)
            {
                _users.AddOrUpdate(entry.UserId, (issuedBefore, entry.ExpiresAt),
                    (_, known) => (Max(known.IssuedBefore, issuedBefore), Max(known.ExpiresAt, entry.ExpiresAt)));
            }
        }

        Cursor = Math.Max(Cursor, feed.Cursor);
        var now = timeProvider.GetUtcNow();
        LastUpdate = now;
        Prune(now.UtcDateTime);
    }

    private void Prune(DateTime now)
    {
        // A token is accepted up to its expiry plus the clock skew; its record must outlive that much.
        var dropBefore = now - TimeSpan.FromMinutes(1);
        foreach (var (sessionId, expiresAt) in _sessions)
        {
            if (expiresAt < dropBefore)
            {
                _sessions.TryRemove(sessionId, out _);
            }
        }

        foreach (var (userId, user) in _users)
        {
            if (user.ExpiresAt < dropBefore)
            {
                _users.TryRemove(userId, out _);
            }
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
