using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.GenerateBackupCodes;

internal sealed class GenerateBackupCodesCommandHandler(
    SessionStore sessions, CredentialCheck credentials, IAuthDbContext db, ILogger<GenerateBackupCodesCommandHandler> logger)
    : ICommandHandler<GenerateBackupCodesCommand, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(GenerateBackupCodesCommand command, CancellationToken cancellationToken)
    {
        var user = (await sessions.RequireLiveAsync(command.SessionToken, cancellationToken)).User;
        if (!user.TwoFactorEnabled)
        {
            throw new AuthException(AuthErrors.TwoFactorNotEnabled);
        }

        await credentials.RequireAsync(user.Id, command.Password!, "Backup code renewal", cancellationToken);
        var enrolment = await db.TwoFactors.FirstOrDefaultAsync(t => t.UserId == user.Id, cancellationToken)
            ?? throw new AuthException(AuthErrors.TwoFactorNotEnabled);
        var (codes, hashes) = BackupCodes.Generate();
        enrolment.ReplaceBackupCodes(hashes, sessions.Now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} replaced their backup codes", user.Id);
        return codes;
    }
}
