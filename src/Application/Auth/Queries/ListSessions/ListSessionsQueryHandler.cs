using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using SessionOptions = TodoClean.Application.Auth.Common.SessionOptions;

namespace TodoClean.Application.Auth.Queries.ListSessions;

internal sealed class ListSessionsQueryHandler(SessionStore sessions, IAuthDbContext db, IOptions<SessionOptions> options)
    : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionDto>>
{
    public async ValueTask<IReadOnlyList<SessionDto>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var (current, user) = await sessions.RequireLiveAsync(query.SessionToken, cancellationToken);
        var now = sessions.Now;
        if (now - current.CreatedAt >= options.Value.FreshAge)
        {
            throw new AuthException(AuthErrors.SessionNotFresh);
        }

        var live = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == user.Id && s.ExpiresAt > now)
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        return live
            .Select(s => SessionDto.From(s, s.Id == current.Id ? query.SessionToken! : s.Id))
            .ToList();
    }
}
