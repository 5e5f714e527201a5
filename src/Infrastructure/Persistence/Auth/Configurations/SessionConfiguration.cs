using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.Users;

namespace TodoClean.Infrastructure.Persistence.Auth.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(s => s.UserId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.IpAddress).HasMaxLength(Session.MaxIpAddressLength).IsRequired();
        builder.Property(s => s.UserAgent).HasMaxLength(Session.MaxUserAgentLength).IsRequired();
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
