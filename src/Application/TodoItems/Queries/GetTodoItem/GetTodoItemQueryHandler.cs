using Mediator;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Queries.GetTodoItem;

internal sealed class GetTodoItemQueryHandler(ITodoItemQueries todos, ICurrentUser currentUser)
    : IQueryHandler<GetTodoItemQuery, TodoItemDto>
{
    public async ValueTask<TodoItemDto> Handle(GetTodoItemQuery query, CancellationToken cancellationToken) =>
        await todos.FindAsync(currentUser.Id, query.Id, cancellationToken) ?? throw new NotFoundException("todo");
}
