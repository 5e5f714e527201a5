using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Queries.GetSession;

internal sealed class GetSessionQueryHandler(SessionStore sessions, IAuthDbContext db)
    : IQueryHandler<GetSessionQuery, AuthSession?>
{
    public async ValueTask<AuthSession?> Handle(GetSessionQuery query, CancellationToken cancellationToken)
    {
        if (await sessions.FindLiveAsync(query.SessionToken, cancellationToken) is not { } live)
        {
            return null;
        }

        var (session, user) = live;

        var renewed = !query.DisableRefresh && session.TryRenew(sessions.Now, sessions.Lifetime, sessions.UpdateAge);
        if (renewed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new AuthSession(
            query.SessionToken!, SessionDto.From(session, query.SessionToken!), UserDto.From(user), session.RememberMe, renewed);
    }
}
