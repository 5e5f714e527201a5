using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TodoClean.Domain.Sessions;

namespace TodoClean.Infrastructure.Persistence.Auth.Configurations;

/// <summary>
/// The revocation feed: append-only rows, read in <see cref="SessionRevocation.Sequence"/> order by the API instances.
/// No foreign keys: a record outlives the session and, for a deleted account, the user.
/// </summary>
internal sealed class SessionRevocationConfiguration : IEntityTypeConfiguration<SessionRevocation>
{
    public void Configure(EntityTypeBuilder<SessionRevocation> builder)
    {
        builder.ToTable("session_revocations");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedOnAdd();
        builder.Property(r => r.SessionId).HasMaxLength(64);
        builder.Property(r => r.UserId).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.ExpiresAt);
    }
}
