using Mediator;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.RevokeSessions;

internal sealed class RevokeSessionsCommandHandler(
    SessionStore sessions, ILogger<RevokeSessionsCommandHandler> logger)
    : ICommandHandler<RevokeSessionsCommand>
{
    public async ValueTask<Unit> Handle(RevokeSessionsCommand command, CancellationToken cancellationToken)
    {
        var user = (await sessions.RequireLiveAsync(command.SessionToken, cancellationToken)).User;
        var count = (await sessions.EndAsync(s => s.UserId == user.Id, cancellationToken)).Count;
        logger.LogInformation("User {UserId} revoked all {Count} sessions", user.Id, count);
        return Unit.Value;
    }
}
