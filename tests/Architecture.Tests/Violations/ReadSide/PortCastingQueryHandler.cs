using Mediator;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Violations.ReadSide;

/// <summary>Deliberate violation: walks around the port by casting it to the EF Core context behind it.</summary>
internal sealed class PortCastingQueryHandler(ITodoDbContext db) : IQueryHandler<ReadSideQuery, int>
{
    public async ValueTask<int> Handle(ReadSideQuery query, CancellationToken cancellationToken) =>
        await ((DbContext)db).Database.SqlQueryRaw<int>("SELECT 1").FirstAsync(cancellationToken);
}
