using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.RequestPasswordReset;

internal sealed class RequestPasswordResetCommandHandler(
    IAuthDbContext db, IAuthMailer mailer, TimeProvider timeProvider, IOptions<AccountOptions> options,
    ILogger<RequestPasswordResetCommandHandler> logger)
    : ICommandHandler<RequestPasswordResetCommand>
{
    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled)
        {
            throw new AuthException(AuthErrors.ResetPasswordDisabled);
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var email = User.NormalizeEmail(command.Email!);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Email == email)
            .Select(u => new { u.Id, u.Name, u.Email })
            .FirstOrDefaultAsync(cancellationToken);

        // A token is made and hashed whether or not the address has an account, and each path then runs one statement
        // against the same table: an unknown address costs what a known one does (Better Auth does the same).
        var token = SecureIds.NewSessionToken();
        var hash = SecureIds.HashToken(token);
        if (user is null)
        {
            await db.PasswordResetTokens.AsNoTracking().AnyAsync(t => t.TokenHash == hash, cancellationToken);
            logger.LogInformation("Password reset requested for an address without an account from {ClientIp}", command.Client.IpAddress);
            return Unit.Value;
        }

        var lifetime = options.Value.ResetPasswordTokenLifetime;
        db.PasswordResetTokens.Add(PasswordResetToken.Issue(hash, user.Id, now, lifetime));
        await db.SaveChangesAsync(cancellationToken);

        var link = $"{command.LinkBase}/reset-password/{token}?callbackURL={Uri.EscapeDataString(command.CallbackUrl)}";
        mailer.Queue(new AuthMail(
            AuthMailKind.PasswordReset, user.Email, user.Name, link, now + lifetime, command.Client.IpAddress, now));
        logger.LogInformation("Password reset link for {UserId} queued (asked from {ClientIp})", user.Id, command.Client.IpAddress);
        return Unit.Value;
    }
}
