using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.SendVerificationEmail;

internal sealed class SendVerificationEmailCommandHandler(
    IAuthDbContext db, SessionStore sessions, IEmailVerificationTokens tokens, IAuthMailer mailer,
    IOptions<AccountOptions> options, ILogger<SendVerificationEmailCommandHandler> logger)
    : ICommandHandler<SendVerificationEmailCommand>
{
    public async ValueTask<Unit> Handle(SendVerificationEmailCommand command, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled)
        {
            throw new AuthException(AuthErrors.VerificationEmailNotEnabled);
        }

        var email = User.NormalizeEmail(command.Email!);
        var session = await sessions.FindLiveAsync(command.SessionToken, cancellationToken);
        if (session is not null)
        {
            var caller = session.User;
            if (!string.Equals(caller.Email, email, StringComparison.Ordinal))
            {
                throw new AuthException(AuthErrors.EmailMismatch);
            }

            if (caller.EmailVerified)
            {
                throw new AuthException(AuthErrors.EmailAlreadyVerified);
            }

            Send(caller.Id, caller.Email, caller.Name, command);
            return Unit.Value;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Email == email)
            .Select(u => new { u.Id, u.Email, u.Name, u.EmailVerified })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.EmailVerified)
        {
            // The same work as for an address that gets mail (a token is signed), and the same answer.
            tokens.Issue(email, string.Empty, options.Value.EmailVerificationTokenLifetime);
            return Unit.Value;
        }

        Send(user.Id, user.Email, user.Name, command);
        return Unit.Value;
    }

    private void Send(string userId, string email, string name, SendVerificationEmailCommand command)
    {
        var lifetime = options.Value.EmailVerificationTokenLifetime;
        var now = sessions.Now;
        var token = tokens.Issue(email, userId, lifetime);
        var link = $"{command.LinkBase}/verify-email?token={token}&callbackURL={Uri.EscapeDataString(command.CallbackUrl)}";
        mailer.Queue(new AuthMail(AuthMailKind.EmailVerification, email, name, link, now + lifetime, command.Client.IpAddress, now));
        logger.LogInformation("Verification link for {UserId} queued (asked from {ClientIp})", userId, command.Client.IpAddress);
    }
}
