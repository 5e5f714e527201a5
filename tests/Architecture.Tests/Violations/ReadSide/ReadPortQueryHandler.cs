using Mediator;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Architecture.Tests.Violations.ReadSide;

/// <summary>Compliant: reads through a read port.</summary>
internal sealed class ReadPortQueryHandler(ITodoItemQueries todos) : IQueryHandler<ReadSideQuery, int>
{
    public async ValueTask<int> Handle(ReadSideQuery query, CancellationToken cancellationToken)
    {
        PaginatedList<TodoItemDto> page = await todos.ListAsync(
            new TodoItemFilter(query.OwnerId, null, null, TodoItemOrder.NewestFirst, 1, 20), cancellationToken);
        return page.TotalCount;
    }
}
