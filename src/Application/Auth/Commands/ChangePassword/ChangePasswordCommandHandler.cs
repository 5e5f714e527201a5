using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.ChangePassword;

internal sealed class ChangePasswordCommandHandler(
    SessionStore sessions, IAuthDbContext db, IPasswordHasher hasher, ILogger<ChangePasswordCommandHandler> logger)
    : ICommandHandler<ChangePasswordCommand, ChangePasswordResult>
{
    public async ValueTask<ChangePasswordResult> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var (current, user) = await sessions.RequireLiveAsync(command.SessionToken, cancellationToken);
        var account = await db.Accounts
                .FirstOrDefaultAsync(a => a.UserId == user.Id && a.ProviderId == Account.CredentialProvider, cancellationToken)
            ?? throw new AuthException(AuthErrors.CredentialAccountNotFound);

        if (await hasher.VerifyAsync(account.PasswordHash, command.CurrentPassword!, cancellationToken) == PasswordCheck.Failed)
        {
            logger.LogWarning("Password change refused for {UserId}: wrong current password", user.Id);
            throw new AuthException(AuthErrors.InvalidPassword);
        }

        account.ChangePasswordHash(await hasher.HashAsync(command.NewPassword!, cancellationToken), sessions.Now);
        AuthSession? fresh = null;
        if (command.RevokeOtherSessions)
        {
            await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            fresh = sessions.Start(user, current.RememberMe, command.Client);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} changed their password (other sessions revoked: {Revoked})", user.Id, command.RevokeOtherSessions);
        return new ChangePasswordResult(UserDto.From(user), fresh);
    }
}
