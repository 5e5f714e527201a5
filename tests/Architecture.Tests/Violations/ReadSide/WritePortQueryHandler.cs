using Mediator;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Violations.ReadSide;

/// <summary>Deliberate violation: a query handler that reads through the write side's port and EF Core.</summary>
internal sealed class WritePortQueryHandler(ITodoDbContext db) : IQueryHandler<ReadSideQuery, int>
{
    public async ValueTask<int> Handle(ReadSideQuery query, CancellationToken cancellationToken) =>
        await db.TodoItems.CountAsync(t => t.OwnerId == query.OwnerId, cancellationToken);
}
