using Mediator;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using SessionOptions = TodoClean.Application.Auth.Common.SessionOptions;

namespace TodoClean.Application.Auth.Queries.ListSessions;

internal sealed class ListSessionsQueryHandler(SessionStore sessions, ISessionQueries queries, IOptions<SessionOptions> options)
    : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionDto>>
{
    public async ValueTask<IReadOnlyList<SessionDto>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var current = await sessions.RequireLiveAsync(query.SessionToken, cancellationToken);
        var now = sessions.Now;
        if (now - current.Session.CreatedAt >= options.Value.FreshAge)
        {
            throw new AuthException(AuthErrors.SessionNotFresh);
        }

        var live = await queries.ListLiveAsync(current.User.Id, now, cancellationToken);
        return live
            .Select(s => SessionDto.From(s, s.Id == current.Session.Id ? query.SessionToken! : s.Id))
            .ToList();
    }
}
