using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.RevokeSessions;

internal sealed class RevokeSessionsCommandHandler(
    SessionStore sessions, IAuthDbContext db, ILogger<RevokeSessionsCommandHandler> logger)
    : ICommandHandler<RevokeSessionsCommand>
{
    public async ValueTask<Unit> Handle(RevokeSessionsCommand command, CancellationToken cancellationToken)
    {
        var user = (await sessions.RequireLiveAsync(command.SessionToken, cancellationToken)).User;
        var count = await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("User {UserId} revoked all {Count} sessions", user.Id, count);
        return Unit.Value;
    }
}
