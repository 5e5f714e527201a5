using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.TwoFactor;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Auth;

/// <summary>
/// The store as the application sees it. On SQLite (the default) this type is used as is and owns the migrations in
/// <c>Migrations/Sqlite</c>; on PostgreSQL the runtime type is <see cref="PostgresAuthDbContext"/>, which owns <c>Migrations/Postgres</c>.
/// </summary>
public class AuthDbContext : DbContext, IAuthDbContext, IDataProtectionKeyContext
{
    public AuthDbContext(DbContextOptions<AuthDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider-specific subclass, which differs only in the migrations it owns.</summary>
    protected AuthDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<User> Users => Set<User>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionRevocation> SessionRevocations => Set<SessionRevocation>();
    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();
    public DbSet<TwoFactorSecret> TwoFactors => Set<TwoFactorSecret>();
    public DbSet<TwoFactorChallenge> TwoFactorChallenges => Set<TwoFactorChallenge>();
    public DbSet<TrustedDevice> TrustedDevices => Set<TrustedDevice>();

    /// <summary>ASP.NET Core Data Protection's key ring (secrets encrypted at rest), shared by every gateway instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The gateway's asymmetric JWT signing keys, private halves encrypted with Data Protection.</summary>
    internal DbSet<JwtSigningKeyRecord> JwtSigningKeys => Set<JwtSigningKeyRecord>();

    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        // Inside the provider's execution strategy, so a retried attempt reruns the whole transaction on a clean tracker.
        Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            ChangeTracker.Clear();
            await using var transaction = await Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuthDbContext).Assembly, t => t.Namespace == typeof(Configurations.UserConfiguration).Namespace);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreTimesAsUtc();
}
