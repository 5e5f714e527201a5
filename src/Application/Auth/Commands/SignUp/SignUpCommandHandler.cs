using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.SignUp;

internal sealed class SignUpCommandHandler(
    IAuthDbContext db, IPasswordHasher hasher, SessionStore sessions, IOptions<AccountOptions> accounts,
    ILogger<SignUpCommandHandler> logger)
    : ICommandHandler<SignUpCommand, SignUpResult>
{
    public async ValueTask<SignUpResult> Handle(SignUpCommand command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email!);
        var verificationRequired = accounts.Value.RequireEmailVerification;
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            if (!verificationRequired)
            {
                throw new AuthException(AuthErrors.UserAlreadyExists);
            }

            // Hashed all the same, so a taken address costs what a new one does.
            await hasher.HashAsync(command.Password!, cancellationToken);
            logger.LogInformation("Sign-up attempt for an existing address from {ClientIp}", command.Client.IpAddress);
            return new SignUpResult(StandIn(email, command), null, Created: false);
        }

        var hash = await hasher.HashAsync(command.Password!, cancellationToken);
        var user = User.Create(SecureIds.NewId(), email, command.Name!, command.Image, sessions.Now);
        db.Users.Add(user);
        db.Accounts.Add(Account.CreateCredential(SecureIds.NewId(), user.Id, hash, sessions.Now));
        var session = verificationRequired ? null : sessions.Start(UserDto.From(user), command.RememberMe, command.Client);

        try
        {
            // User, credential and session are written in one SaveChanges: one transaction.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (EmailTaken(email))
        {
            // Lost a race with a parallel sign-up for the same address: the unique index decided.
            return verificationRequired
                ? new SignUpResult(StandIn(email, command), null, Created: false)
                : throw new AuthException(AuthErrors.UserAlreadyExists);
        }

        logger.LogInformation("User {UserId} signed up from {ClientIp}", user.Id, command.Client.IpAddress);
        return new SignUpResult(UserDto.From(user), session, Created: true);
    }

    /// <summary>What a new, unverified account would look like: Better Auth's answer for a taken address.</summary>
    private UserDto StandIn(string email, SignUpCommand command) =>
        UserDto.From(User.Create(SecureIds.NewId(), email, command.Name!, command.Image, sessions.Now));

    // Synchronous on purpose: exception filters cannot await, and this runs only after a lost race.
    private bool EmailTaken(string email) => db.Users.AsNoTracking().Any(u => u.Email == email);
}
