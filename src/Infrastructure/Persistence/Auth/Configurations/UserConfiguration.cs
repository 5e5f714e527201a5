using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Auth.Configurations;

internal sealed class UserConfiguration : UserConfigurationBase
{
    public override void Configure(EntityTypeBuilder<User> builder)
    {
        base.Configure(builder);
        // Emails are stored normalized; this index is what makes 50 parallel sign-ups create one account.
        builder.HasIndex(u => u.Email).IsUnique();
    }
}
