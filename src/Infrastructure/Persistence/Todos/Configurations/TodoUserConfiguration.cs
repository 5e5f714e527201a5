using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Todos.Configurations;

/// <summary>The API's mirror of users, keyed by the gateway's id. Emails here are informational, not unique.</summary>
internal sealed class TodoUserConfiguration : UserConfigurationBase
{
    public override void Configure(EntityTypeBuilder<User> builder)
    {
        base.Configure(builder);
        // Sign-in is the gateway's business: the mirror keeps no two-factor state.
        builder.Ignore(u => u.TwoFactorEnabled);
    }
}
