using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TodoClean.Domain.Users;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>The <c>users</c> table shape both stores share; each store adds its own indexes.</summary>
internal abstract class UserConfigurationBase : IEntityTypeConfiguration<User>
{
    public virtual void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(64);
        builder.Property(u => u.Email).HasMaxLength(User.MaxEmailLength).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(User.MaxNameLength).IsRequired();
        builder.Property(u => u.Image).HasMaxLength(User.MaxImageLength);
    }
}
