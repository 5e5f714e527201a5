using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TodoClean.Infrastructure.Persistence.Auth.Configurations;

internal sealed class JwtSigningKeyConfiguration : IEntityTypeConfiguration<JwtSigningKeyRecord>
{
    public void Configure(EntityTypeBuilder<JwtSigningKeyRecord> builder)
    {
        builder.ToTable("jwt_signing_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.Property(k => k.Algorithm).HasMaxLength(16);
        builder.Property(k => k.PublicJwk).HasMaxLength(2048);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(4096);
        builder.HasIndex(k => new { k.Algorithm, k.CreatedAt });
    }
}
