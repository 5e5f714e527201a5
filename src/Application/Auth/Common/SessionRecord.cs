using TodoClean.Domain.Sessions;

namespace TodoClean.Application.Auth.Common;

/// <summary>A stored session as the read side sees it (no token: only its hash is stored, and that is never read back).</summary>
public sealed record SessionRecord(
    string Id, string UserId, DateTime ExpiresAt, DateTime CreatedAt, DateTime UpdatedAt, string IpAddress, string UserAgent,
    bool RememberMe)
{
    public static SessionRecord From(Session session) => new(
        session.Id, session.UserId, session.ExpiresAt, session.CreatedAt, session.UpdatedAt, session.IpAddress,
        session.UserAgent, session.RememberMe);
}

/// <summary>A session with its user, as one lookup by token returns them.</summary>
public sealed record ActiveSession(SessionRecord Session, UserDto User);
