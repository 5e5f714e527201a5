using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Violations.Endpoints;

/// <summary>Deliberate violation: an endpoint that writes through the auth store's port instead of sending a command.</summary>
internal static class AuthPortEndpoints
{
    public static Task<int> Save(IAuthDbContext db, CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
