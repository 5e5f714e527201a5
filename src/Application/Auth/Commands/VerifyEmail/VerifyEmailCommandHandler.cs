using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.VerifyEmail;

internal sealed class VerifyEmailCommandHandler(
    IAuthDbContext db, IEmailVerificationTokens tokens, TimeProvider timeProvider, ILogger<VerifyEmailCommandHandler> logger)
    : ICommandHandler<VerifyEmailCommand>
{
    public async ValueTask<Unit> Handle(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        var token = await tokens.ReadAsync(command.Token);
        if (token.State == EmailVerificationTokenState.Expired)
        {
            throw new AuthException(AuthErrors.VerificationTokenExpired);
        }

        if (token.State != EmailVerificationTokenState.Valid || string.IsNullOrEmpty(token.Email))
        {
            throw new AuthException(AuthErrors.VerificationTokenInvalid);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == token.Email, cancellationToken)
            ?? throw new AuthException(AuthErrors.VerificationUserNotFound);

        // A token names the account it was issued for: one for an earlier account with the same address is not this one's.
        if (!string.IsNullOrEmpty(token.UserId) && token.UserId != user.Id)
        {
            throw new AuthException(AuthErrors.VerificationTokenInvalid);
        }

        if (user.MarkEmailVerified(timeProvider.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("User {UserId} verified their email address", user.Id);
        }

        return Unit.Value;
    }
}
