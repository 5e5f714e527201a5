using TodoClean.Domain.Sessions;

namespace TodoClean.Application.Auth.Common;

/// <summary>Better Auth's <c>Session</c> shape. <see cref="Token"/> is the caller's own token, echoed back.</summary>
public sealed record SessionDto(
    string Id, string Token, string UserId, DateTime ExpiresAt, DateTime CreatedAt, DateTime UpdatedAt,
    string IpAddress, string UserAgent)
{
    public static SessionDto From(Session session, string token) => From(SessionRecord.From(session), token);

    public static SessionDto From(SessionRecord session, string token) => new(
        session.Id, token, session.UserId, session.ExpiresAt, session.CreatedAt, session.UpdatedAt,
        session.IpAddress, session.UserAgent);
}
