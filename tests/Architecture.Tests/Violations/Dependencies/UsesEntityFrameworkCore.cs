using Microsoft.EntityFrameworkCore;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses EF Core.</summary>
internal static class UsesEntityFrameworkCore
{
    public static Task<int> Save(DbContext context) => context.SaveChangesAsync();
}
