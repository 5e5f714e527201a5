using Microsoft.EntityFrameworkCore;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>
/// Deliberate violation: calls EF Core's SQLite provider. <c>UseSqlite</c> is declared in the
/// <c>Microsoft.EntityFrameworkCore</c> namespace, so only the assembly-reference check can see it.
/// </summary>
internal static class UsesSqliteProvider
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) =>
        options.UseSqlite("Data Source=:memory:");
}
