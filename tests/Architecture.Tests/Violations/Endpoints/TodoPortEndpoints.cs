using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Violations.Endpoints;

/// <summary>Deliberate violation: an endpoint that writes through the todo store's port instead of sending a command.</summary>
internal static class TodoPortEndpoints
{
    public static Task<int> Save(ITodoDbContext db, CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
