using Microsoft.EntityFrameworkCore;

namespace TodoClean.Architecture.Tests.Violations.Endpoints;

/// <summary>Deliberate violation: an endpoint that works on an EF Core context directly.</summary>
internal static class EntityFrameworkEndpoints
{
    public static Task<int> Save(DbContext db, CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
