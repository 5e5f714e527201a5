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
        var current = await sessions.RequireLiveAsync(command.SessionToken, cancellationToken);
        var user = current.User;
        var storedHash = await db.Accounts.AsNoTracking()
                .Where(a => a.UserId == user.Id && a.ProviderId == Account.CredentialProvider)
                .Select(a => a.PasswordHash)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new AuthException(AuthErrors.CredentialAccountNotFound);

        if (await hasher.VerifyAsync(storedHash, command.CurrentPassword!, cancellationToken) == PasswordCheck.Failed)
        {
            logger.LogWarning("Password change refused for {UserId}: wrong current password", user.Id);
            throw new AuthException(AuthErrors.InvalidPassword);
        }

        var newHash = await hasher.HashAsync(command.NewPassword!, cancellationToken);

        // The new password and the end of the other sessions commit together: never signed out everywhere with the old
        // password still valid, never a new password beside sessions that were to end.
        var fresh = await db.InTransactionAsync(async token =>
        {
            var account = await db.Accounts.FirstAsync(
                a => a.UserId == user.Id && a.ProviderId == Account.CredentialProvider, token);
            account.ChangePasswordHash(newHash, sessions.Now);
            AuthSession? started = null;
            if (command.RevokeOtherSessions)
            {
                await sessions.EndInTransactionAsync(s => s.UserId == user.Id, token);
                started = sessions.Start(user, current.RememberMe, command.Client);
            }

            await db.SaveChangesAsync(token);
            return started;
        }, cancellationToken);

        logger.LogInformation("User {UserId} changed their password (other sessions revoked: {Revoked})", user.Id, command.RevokeOtherSessions);
        return new ChangePasswordResult(user, fresh);
    }
}
