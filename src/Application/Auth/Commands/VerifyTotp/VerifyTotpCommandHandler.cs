using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.VerifyTotp;

internal sealed class VerifyTotpCommandHandler(
    TwoFactorSignIn twoFactor, IAuthDbContext db, ITotpAuthenticator totp, ILogger<VerifyTotpCommandHandler> logger)
    : ICommandHandler<VerifyTotpCommand, TwoFactorVerified>
{
    public async ValueTask<TwoFactorVerified> Handle(VerifyTotpCommand command, CancellationToken cancellationToken)
    {
        var attempt = await twoFactor.BeginAsync(command.SessionToken, command.ChallengeToken, cancellationToken);
        var enrolment = await db.TwoFactors.AsNoTracking().FirstOrDefaultAsync(t => t.UserId == attempt.UserId, cancellationToken);
        if (enrolment is null || (attempt.IsSignIn && !enrolment.Verified))
        {
            throw new AuthException(AuthErrors.TotpNotEnabled);
        }

        await twoFactor.ReserveAttemptAsync(attempt, enrolment, cancellationToken);
        var now = twoFactor.Now;
        var step = totp.MatchStep(totp.Unprotect(enrolment.ProtectedSecret), command.Code!.Trim(), now);

        // A code is accepted once: its step must be later than the last accepted one, claimed in one conditional update
        // so two requests racing with the same code cannot both win.
        var accepted = step is { } matched && await db.TwoFactors
            .Where(t => t.Id == enrolment.Id && (t.LastUsedStep == null || t.LastUsedStep < matched))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedStep, matched), cancellationToken) == 1;
        if (!accepted)
        {
            await twoFactor.RecordFailureAsync(attempt, enrolment.Id, cancellationToken);
            logger.LogWarning("Wrong or reused TOTP code for {UserId} (sign-in: {SignIn})", attempt.UserId, attempt.IsSignIn);
            throw new AuthException(AuthErrors.InvalidCode);
        }

        if (!enrolment.Verified)
        {
            await db.InTransactionAsync(async token =>
            {
                await db.TwoFactors.Where(t => t.Id == enrolment.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(t => t.Verified, true).SetProperty(t => t.UpdatedAt, now), token);
                var user = await db.Users.FirstAsync(u => u.Id == attempt.UserId, token);
                user.SetTwoFactor(true, now);
                return await db.SaveChangesAsync(token);
            }, cancellationToken);
            logger.LogInformation("User {UserId} turned two-factor sign-in on", attempt.UserId);
        }

        var verified = await twoFactor.CompleteAsync(attempt, command.TrustDevice, command.Client, cancellationToken);
        if (verified.Started)
        {
            logger.LogInformation("User {UserId} signed in with a TOTP code from {ClientIp}", attempt.UserId, command.Client.IpAddress);
        }

        return verified;
    }
}
