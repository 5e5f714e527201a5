using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.DeleteUser;

internal sealed class DeleteUserCommandHandler(
    SessionStore sessions, IAuthDbContext db, IPasswordHasher hasher, ITokenIssuer tokens, IOptions<SessionOptions> options,
    ILogger<DeleteUserCommandHandler> logger)
    : ICommandHandler<DeleteUserCommand>
{
    public async ValueTask<Unit> Handle(DeleteUserCommand command, CancellationToken cancellationToken)
    {
        var current = await sessions.RequireLiveAsync(command.SessionToken, cancellationToken);
        var userId = current.User.Id;
        if (!string.IsNullOrEmpty(command.Password))
        {
            var storedHash = await db.Accounts.AsNoTracking()
                    .Where(a => a.UserId == userId && a.ProviderId == Account.CredentialProvider)
                    .Select(a => a.PasswordHash)
                    .FirstOrDefaultAsync(cancellationToken)
                ?? throw new AuthException(AuthErrors.CredentialAccountNotFound);
            if (await hasher.VerifyAsync(storedHash, command.Password, cancellationToken) == PasswordCheck.Failed)
            {
                logger.LogWarning("Account deletion refused for {UserId}: wrong password", userId);
                throw new AuthException(AuthErrors.InvalidPassword);
            }
        }
        else if (sessions.Now - current.Session.CreatedAt >= options.Value.FreshAge)
        {
            throw new AuthException(AuthErrors.SessionExpired);
        }

        await db.InTransactionAsync(async token =>
        {
            await sessions.EndInTransactionAsync(s => s.UserId == userId, token);
            await db.PasswordResetTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(token);
            await db.TwoFactors.Where(t => t.UserId == userId).ExecuteDeleteAsync(token);
            await db.TwoFactorChallenges.Where(c => c.UserId == userId).ExecuteDeleteAsync(token);
            await db.TrustedDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(token);
            await db.Accounts.Where(a => a.UserId == userId).ExecuteDeleteAsync(token);
            var deleted = await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(token);
            if (deleted > 0)
            {
                db.SessionRevocations.Add(SessionRevocation.ForDeletedUser(
                    userId, sessions.Now, tokens.Lifetime, DeleteUserCommand.FeedRetention));
                await db.SaveChangesAsync(token);
            }

            return deleted;
        }, cancellationToken);

        logger.LogInformation("User {UserId} deleted their account", userId);
        return Unit.Value;
    }
}
