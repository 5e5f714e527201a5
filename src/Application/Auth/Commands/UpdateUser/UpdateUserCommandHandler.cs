using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.UpdateUser;

internal sealed class UpdateUserCommandHandler(
    SessionStore sessions, IAuthDbContext db, ILogger<UpdateUserCommandHandler> logger)
    : ICommandHandler<UpdateUserCommand, AuthSession>
{
    public async ValueTask<AuthSession> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        if (command.EmailGiven)
        {
            throw new AuthException(AuthErrors.EmailCanNotBeUpdated);
        }

        var current = await sessions.RequireLiveAsync(command.SessionToken, cancellationToken);
        if (command.Name is null && command.Image is null)
        {
            throw new AuthException(AuthErrors.NoFieldsToUpdate);
        }

        var userId = current.User.Id;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new AuthException(AuthErrors.Unauthorized);
        user.UpdateProfile(command.Name, command.Image, sessions.Now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} updated their profile", user.Id);
        return current with { User = UserDto.From(user) };
    }
}
