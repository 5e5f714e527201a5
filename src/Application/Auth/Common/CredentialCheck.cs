using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Common;

/// <summary>Re-checks a signed-in user's password before a sensitive change (Better Auth's <c>INVALID_PASSWORD</c>).</summary>
internal sealed class CredentialCheck(IAuthDbContext db, IPasswordHasher hasher, ILogger<CredentialCheck> logger)
{
    public async Task RequireAsync(string userId, string password, string action, CancellationToken cancellationToken)
    {
        var storedHash = await db.Accounts.AsNoTracking()
                .Where(a => a.UserId == userId && a.ProviderId == Account.CredentialProvider)
                .Select(a => a.PasswordHash)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new AuthException(AuthErrors.CredentialAccountNotFound);

        if (await hasher.VerifyAsync(storedHash, password, cancellationToken) == PasswordCheck.Failed)
        {
            logger.LogWarning("{Action} refused for {UserId}: wrong password", action, userId);
            throw new AuthException(AuthErrors.InvalidPassword);
        }
    }
}
