using Mediator;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.RevokeOtherSessions;

internal sealed class RevokeOtherSessionsCommandHandler(
    SessionStore sessions, ILogger<RevokeOtherSessionsCommandHandler> logger)
    : ICommandHandler<RevokeOtherSessionsCommand>
{
    public async ValueTask<Unit> Handle(RevokeOtherSessionsCommand command, CancellationToken cancellationToken)
    {
        var current = await sessions.RequireLiveAsync(command.SessionToken, cancellationToken);
        var user = current.User;
        var currentId = current.Session.Id;
        var count = (await sessions.EndAsync(s => s.UserId == user.Id && s.Id != currentId, cancellationToken)).Count;
        logger.LogInformation("User {UserId} revoked {Count} other sessions", user.Id, count);
        return Unit.Value;
    }
}
