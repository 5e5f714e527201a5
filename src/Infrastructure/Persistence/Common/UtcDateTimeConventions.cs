using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TodoClean.Infrastructure.Persistence.Common;

internal static class UtcDateTimeConventions
{
    /// <summary>Every <see cref="DateTime"/> property is stored in UTC and read back as UTC, on either provider.</summary>
    public static void StoreTimesAsUtc(this ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<SqliteUtcDateTimeConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        }
    }
}
