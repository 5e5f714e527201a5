using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.DisableTwoFactor;

internal sealed class DisableTwoFactorCommandHandler(
    SessionStore sessions, CredentialCheck credentials, IAuthDbContext db, ILogger<DisableTwoFactorCommandHandler> logger)
    : ICommandHandler<DisableTwoFactorCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var userId = (await sessions.RequireLiveAsync(command.SessionToken, cancellationToken)).User.Id;
        await credentials.RequireAsync(userId, command.Password!, "Two-factor disable", cancellationToken);

        // The flag and the factor's state go together: never "off" with a secret left behind, never a factor without the flag.
        var user = await db.InTransactionAsync(async token =>
        {
            var stored = await db.Users.FirstAsync(u => u.Id == userId, token);
            stored.SetTwoFactor(false, sessions.Now);
            await db.SaveChangesAsync(token);
            await db.TwoFactors.Where(t => t.UserId == userId).ExecuteDeleteAsync(token);
            await db.TwoFactorChallenges.Where(c => c.UserId == userId).ExecuteDeleteAsync(token);
            await db.TrustedDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(token);
            return UserDto.From(stored);
        }, cancellationToken);

        logger.LogInformation("User {UserId} turned two-factor sign-in off", userId);
        return user;
    }
}
