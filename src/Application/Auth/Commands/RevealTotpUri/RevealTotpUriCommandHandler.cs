using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.RevealTotpUri;

internal sealed class RevealTotpUriCommandHandler(
    SessionStore sessions, CredentialCheck credentials, IAuthDbContext db, ITotpAuthenticator totp, IOptions<SessionOptions> options)
    : ICommandHandler<RevealTotpUriCommand, string>
{
    public async ValueTask<string> Handle(RevealTotpUriCommand command, CancellationToken cancellationToken)
    {
        var user = (await sessions.RequireLiveAsync(command.SessionToken, cancellationToken)).User;
        var protectedSecret = await db.TwoFactors.AsNoTracking()
                .Where(t => t.UserId == user.Id)
                .Select(t => t.ProtectedSecret)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new AuthException(AuthErrors.TotpNotEnabled);
        await credentials.RequireAsync(user.Id, command.Password!, "TOTP URI", cancellationToken);
        return totp.Uri(totp.Unprotect(protectedSecret), options.Value.TwoFactorIssuer, user.Email);
    }
}
