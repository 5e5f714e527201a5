using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Domain.TwoFactor;

namespace TodoClean.Application.Auth.Commands.VerifyBackupCode;

internal sealed class VerifyBackupCodeCommandHandler(
    TwoFactorSignIn twoFactor, IAuthDbContext db, ILogger<VerifyBackupCodeCommandHandler> logger)
    : ICommandHandler<VerifyBackupCodeCommand, TwoFactorVerified>
{
    public async ValueTask<TwoFactorVerified> Handle(VerifyBackupCodeCommand command, CancellationToken cancellationToken)
    {
        var attempt = await twoFactor.BeginAsync(command.SessionToken, command.ChallengeToken, cancellationToken);
        var enrolment = await db.TwoFactors.AsNoTracking().FirstOrDefaultAsync(t => t.UserId == attempt.UserId, cancellationToken)
            ?? throw new AuthException(AuthErrors.BackupCodesNotEnabled);

        await twoFactor.ReserveAttemptAsync(attempt, enrolment, cancellationToken);
        var hashes = enrolment.BackupCodeHashList();
        var hash = BackupCodes.Hash(command.Code!.Trim());

        // The code is crossed off in one conditional update on the list as read, so two requests using the same code
        // cannot both succeed: the second finds the list changed and fails.
        var remaining = TwoFactorSecret.JoinHashes(hashes.Where(h => h != hash));
        var used = hashes.Contains(hash) && await db.TwoFactors
            .Where(t => t.Id == enrolment.Id && t.BackupCodeHashes == enrolment.BackupCodeHashes)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.BackupCodeHashes, remaining), cancellationToken) == 1;
        if (!used)
        {
            await twoFactor.RecordFailureAsync(attempt, enrolment.Id, cancellationToken);
            logger.LogWarning("Wrong or used backup code for {UserId} (sign-in: {SignIn})", attempt.UserId, attempt.IsSignIn);
            throw new AuthException(AuthErrors.InvalidBackupCode);
        }

        var verified = await twoFactor.CompleteAsync(attempt, command.TrustDevice, command.Client, cancellationToken);
        logger.LogInformation("User {UserId} used a backup code ({Left} left)", attempt.UserId, hashes.Count - 1);
        return verified;
    }
}
