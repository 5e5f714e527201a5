using Mediator;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.SignOut;

internal sealed class SignOutCommandHandler(SessionStore sessions, ILogger<SignOutCommandHandler> logger)
    : ICommandHandler<SignOutCommand, bool>
{
    public async ValueTask<bool> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        var ended = await sessions.EndAsync(command.SessionToken, cancellationToken);
        if (ended)
        {
            logger.LogInformation("A session was signed out");
        }

        return ended;
    }
}
