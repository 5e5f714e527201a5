using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.SignIn;

internal sealed class SignInCommandHandler(
    IAuthDbContext db, IPasswordHasher hasher, SessionStore sessions, TwoFactorSignIn twoFactor, IOptions<AccountOptions> accounts,
    ILogger<SignInCommandHandler> logger)
    : ICommandHandler<SignInCommand, SignInResult>
{
    public async ValueTask<SignInResult> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email!);
        var found = await (
                from u in db.Users
                join a in db.Accounts on u.Id equals a.UserId
                where u.Email == email && a.ProviderId == Account.CredentialProvider
                select new { User = u, Account = a })
            .FirstOrDefaultAsync(cancellationToken);

        // Unknown email, wrong password and a too-short password all cost one full hash and fail the same way.
        var check = await hasher.VerifyAsync(found?.Account.PasswordHash, command.Password!, cancellationToken);
        if (found is null || check == PasswordCheck.Failed)
        {
            logger.LogWarning("Sign-in failed for {UserId} from {ClientIp}", found?.User.Id ?? "(unknown email)", command.Client.IpAddress);
            throw new AuthException(AuthErrors.InvalidEmailOrPassword);
        }

        // Only after the password: an unverified address is not told apart from a wrong password by a stranger.
        if (accounts.Value.RequireEmailVerification && !found.User.EmailVerified)
        {
            logger.LogInformation("Sign-in refused for {UserId}: email not verified", found.User.Id);
            throw new AuthException(AuthErrors.EmailNotVerified);
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            found.Account.ChangePasswordHash(await hasher.HashAsync(command.Password!, cancellationToken), sessions.Now);
        }

        string? trusted = null;
        if (found.User.TwoFactorEnabled)
        {
            if (!await twoFactor.RedeemTrustedDeviceAsync(found.User.Id, command.TrustedDeviceToken, cancellationToken))
            {
                // The password was right, but no session until the second factor: a challenge the cookie will carry.
                var challenge = twoFactor.StartChallenge(found.User.Id, command.RememberMe);
                var totpReady = await db.TwoFactors.AnyAsync(t => t.UserId == found.User.Id && t.Verified, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("User {UserId} passed the password step from {ClientIp}; second factor needed", found.User.Id, command.Client.IpAddress);
                return new SignInResult(
                    null, challenge, totpReady ? ["totp"] : [], null, ForgetTrustedDevice: command.TrustedDeviceToken is not null);
            }

            // A trusted device skips the code once per token: it is trusted again under a new one.
            trusted = twoFactor.TrustDevice(found.User.Id);
        }

        var session = sessions.Start(UserDto.From(found.User), command.RememberMe, command.Client);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} signed in from {ClientIp}", found.User.Id, command.Client.IpAddress);
        return new SignInResult(session, null, [], trusted, ForgetTrustedDevice: false);
    }
}
