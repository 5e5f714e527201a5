using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.SignUp;

internal sealed class SignUpCommandHandler(
    IAuthDbContext db, IPasswordHasher hasher, SessionStore sessions, ILogger<SignUpCommandHandler> logger)
    : ICommandHandler<SignUpCommand, AuthSession>
{
    public async ValueTask<AuthSession> Handle(SignUpCommand command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email!);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            throw new AuthException(AuthErrors.UserAlreadyExists);
        }

        var hash = await hasher.HashAsync(command.Password!, cancellationToken);
        var user = User.Create(SecureIds.NewId(), email, command.Name!, command.Image, sessions.Now);
        db.Users.Add(user);
        db.Accounts.Add(Account.CreateCredential(SecureIds.NewId(), user.Id, hash, sessions.Now));
        var session = sessions.Start(UserDto.From(user), command.RememberMe, command.Client);

        try
        {
            // User, credential and session are written in one SaveChanges: one transaction.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (EmailTaken(email))
        {
            // Lost a race with a parallel sign-up for the same address: the unique index decided.
            throw new AuthException(AuthErrors.UserAlreadyExists);
        }

        logger.LogInformation("User {UserId} signed up from {ClientIp}", user.Id, command.Client.IpAddress);
        return session;
    }

    // Synchronous on purpose: exception filters cannot await, and this runs only after a lost race.
    private bool EmailTaken(string email) => db.Users.AsNoTracking().Any(u => u.Email == email);
}
