using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TodoClean.Domain.TwoFactor;
using TodoClean.Domain.Users;

namespace TodoClean.Infrastructure.Persistence.Auth.Configurations;

internal sealed class TwoFactorSecretConfiguration : IEntityTypeConfiguration<TwoFactorSecret>
{
    public void Configure(EntityTypeBuilder<TwoFactorSecret> builder)
    {
        builder.ToTable("two_factors");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.UserId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.ProtectedSecret).HasMaxLength(TwoFactorSecret.MaxProtectedSecretLength).IsRequired();
        builder.Property(t => t.BackupCodeHashes).HasMaxLength(TwoFactorSecret.MaxBackupCodesLength).IsRequired();
        // One enrolment per user.
        builder.HasIndex(t => t.UserId).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TwoFactorChallengeConfiguration : IEntityTypeConfiguration<TwoFactorChallenge>
{
    public void Configure(EntityTypeBuilder<TwoFactorChallenge> builder)
    {
        builder.ToTable("two_factor_challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.UserId).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => c.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrustedDeviceConfiguration : IEntityTypeConfiguration<TrustedDevice>
{
    public void Configure(EntityTypeBuilder<TrustedDevice> builder)
    {
        builder.ToTable("trusted_devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(64);
        builder.Property(d => d.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(d => d.UserId).HasMaxLength(64).IsRequired();
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
