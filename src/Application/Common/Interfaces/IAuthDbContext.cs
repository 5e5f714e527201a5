using Microsoft.EntityFrameworkCore;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.TwoFactor;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Common.Interfaces;

/// <summary>The auth gateway's store, write side: users, their credentials, sessions, password-reset links and second factors.</summary>
public interface IAuthDbContext
{
    DbSet<User> Users { get; }
    DbSet<Account> Accounts { get; }
    DbSet<Session> Sessions { get; }
    DbSet<SessionRevocation> SessionRevocations { get; }
    DbSet<PasswordResetToken> PasswordResetTokens { get; }
    DbSet<TwoFactorSecret> TwoFactors { get; }
    DbSet<TwoFactorChallenge> TwoFactorChallenges { get; }
    DbSet<TrustedDevice> TrustedDevices { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: every statement it issues commits together or not at all. The
    /// work may run again after a transient failure of the store, on a fresh change tracker, so it must do all its store
    /// work itself (load, change, save) and keep no state from an earlier attempt.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
