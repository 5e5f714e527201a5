using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;

namespace TodoClean.Application.Auth.Commands.RevokeSession;

internal sealed class RevokeSessionCommandHandler(
    SessionStore sessions, IAuthDbContext db, ILogger<RevokeSessionCommandHandler> logger)
    : ICommandHandler<RevokeSessionCommand, bool>
{
    public async ValueTask<bool> Handle(RevokeSessionCommand command, CancellationToken cancellationToken)
    {
        var current = await sessions.RequireLiveAsync(command.SessionToken, cancellationToken);
        var user = current.User;
        var hash = SecureIds.HashToken(command.Token!);
        var target = await db.Sessions
            .Where(s => s.UserId == user.Id && (s.TokenHash == hash || s.Id == command.Token))
            .Select(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return false;
        }

        await sessions.EndAsync(s => s.Id == target, cancellationToken);
        logger.LogInformation("User {UserId} revoked session {SessionId}", user.Id, target);
        return target == current.Session.Id;
    }
}
