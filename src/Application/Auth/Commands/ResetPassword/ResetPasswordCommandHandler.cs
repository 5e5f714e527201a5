using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.ResetPassword;

internal sealed class ResetPasswordCommandHandler(
    IAuthDbContext db, IPasswordHasher hasher, SessionStore sessions, IOptions<AccountOptions> options,
    ILogger<ResetPasswordCommandHandler> logger)
    : ICommandHandler<ResetPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(command.Token))
        {
            throw new AuthException(AuthErrors.InvalidToken);
        }

        var hash = SecureIds.HashToken(command.Token);
        var now = sessions.Now;
        var userId = await db.PasswordResetTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.ExpiresAt > now)
            .Select(t => t.UserId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new AuthException(AuthErrors.InvalidToken);

        var newHash = await hasher.HashAsync(command.NewPassword!, cancellationToken);
        var revoke = options.Value.RevokeSessionsOnPasswordReset;

        // The token is spent first, in the same transaction as the new password and the end of the sessions: of two
        // requests racing with one token exactly one deletes it, and a failure anywhere leaves the token usable.
        await db.InTransactionAsync(async token =>
        {
            var spent = await db.PasswordResetTokens
                .Where(t => t.TokenHash == hash && t.ExpiresAt > now)
                .ExecuteDeleteAsync(token);
            if (spent == 0)
            {
                throw new AuthException(AuthErrors.InvalidToken);
            }

            // The user's other links die with this one, and so do every user's expired ones.
            await db.PasswordResetTokens.Where(t => t.UserId == userId || t.ExpiresAt <= now).ExecuteDeleteAsync(token);
            if (revoke)
            {
                await sessions.EndInTransactionAsync(s => s.UserId == userId, token);
            }

            var account = await db.Accounts.FirstOrDefaultAsync(
                a => a.UserId == userId && a.ProviderId == Account.CredentialProvider, token);
            if (account is null)
            {
                db.Accounts.Add(Account.CreateCredential(SecureIds.NewId(), userId, newHash, now));
            }
            else
            {
                account.ChangePasswordHash(newHash, now);
            }

            await db.SaveChangesAsync(token);
            return true;
        }, cancellationToken);

        logger.LogInformation("User {UserId} reset their password (sessions ended: {Revoked})", userId, revoke);
        return Unit.Value;
    }
}
