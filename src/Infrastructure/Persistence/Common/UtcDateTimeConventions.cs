using Microsoft.EntityFrameworkCore;

namespace TodoClean.Infrastructure.Persistence.Common;

internal static class UtcDateTimeConventions
{
    /// <summary>
    /// Every <see cref="DateTime"/> property is stored in UTC and read back as UTC, on either provider (each keeps its
    /// own storage form: SQLite's text, PostgreSQL's <c>timestamp with time zone</c>).
    /// </summary>
    public static void StoreTimesAsUtc(this ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
