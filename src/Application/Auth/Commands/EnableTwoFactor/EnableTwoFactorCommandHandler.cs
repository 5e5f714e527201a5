using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.TwoFactor;

namespace TodoClean.Application.Auth.Commands.EnableTwoFactor;

internal sealed class EnableTwoFactorCommandHandler(
    SessionStore sessions, CredentialCheck credentials, IAuthDbContext db, ITotpAuthenticator totp,
    IOptions<SessionOptions> options, ILogger<EnableTwoFactorCommandHandler> logger)
    : ICommandHandler<EnableTwoFactorCommand, EnableTwoFactorResult>
{
    public async ValueTask<EnableTwoFactorResult> Handle(EnableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = (await sessions.RequireLiveAsync(command.SessionToken, cancellationToken)).User;
        await credentials.RequireAsync(user.Id, command.Password!, "Two-factor enrolment", cancellationToken);

        var enrolment = await db.TwoFactors.FirstOrDefaultAsync(t => t.UserId == user.Id, cancellationToken);
        if (enrolment is { Verified: true })
        {
            throw new AuthException(AuthErrors.TotpAlreadyEnabled);
        }

        var secret = totp.NewSecret();
        var (codes, hashes) = BackupCodes.Generate();
        if (enrolment is null)
        {
            db.TwoFactors.Add(TwoFactorSecret.Create(SecureIds.NewId(), user.Id, totp.Protect(secret), hashes, sessions.Now));
        }
        else
        {
            enrolment.Restart(totp.Protect(secret), hashes, sessions.Now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (enrolment is null && Enrolled(user.Id))
        {
            // A parallel enable of the same user created the enrolment first (unique index on the user): that one stands.
            throw new AuthException(AuthErrors.TotpAlreadyEnabled);
        }

        logger.LogInformation("User {UserId} started two-factor enrolment", user.Id);
        var issuer = string.IsNullOrWhiteSpace(command.Issuer) ? options.Value.TwoFactorIssuer : command.Issuer.Trim();
        return new EnableTwoFactorResult(totp.Uri(secret, issuer, user.Email), codes);
    }

    // Synchronous on purpose: exception filters cannot await, and this runs only after a failed save.
    private bool Enrolled(string userId) => db.TwoFactors.AsNoTracking().Any(t => t.UserId == userId);
}
