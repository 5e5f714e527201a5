using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.RevokeOtherSessions;

internal sealed class RevokeOtherSessionsCommandHandler(
    SessionStore sessions, IAuthDbContext db, ILogger<RevokeOtherSessionsCommandHandler> logger)
    : ICommandHandler<RevokeOtherSessionsCommand>
{
    public async ValueTask<Unit> Handle(RevokeOtherSessionsCommand command, CancellationToken cancellationToken)
    {
        var current = await sessions.RequireLiveAsync(command.SessionToken, cancellationToken);
        var user = current.User;
        var currentId = current.Session.Id;
        var count = await db.Sessions.Where(s => s.UserId == user.Id && s.Id != currentId).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("User {UserId} revoked {Count} other sessions", user.Id, count);
        return Unit.Value;
    }
}
