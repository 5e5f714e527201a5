using Mediator;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Queries.GetSession;

internal sealed class GetSessionQueryHandler(SessionStore sessions) : IQueryHandler<GetSessionQuery, AuthSession?>
{
    public async ValueTask<AuthSession?> Handle(GetSessionQuery query, CancellationToken cancellationToken) =>
        await sessions.FindLiveAsync(query.SessionToken, cancellationToken, refresh: !query.DisableRefresh);
}
