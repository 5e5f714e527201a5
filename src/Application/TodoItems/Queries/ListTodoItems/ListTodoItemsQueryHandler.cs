using Mediator;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Queries.ListTodoItems;

internal sealed class ListTodoItemsQueryHandler(ITodoItemQueries todos, ICurrentUser currentUser)
    : IQueryHandler<ListTodoItemsQuery, PaginatedList<TodoItemDto>>
{
    public async ValueTask<PaginatedList<TodoItemDto>> Handle(ListTodoItemsQuery query, CancellationToken cancellationToken)
    {
        var filter = new TodoItemFilter(
            currentUser.Id,
            IsDone: query.Status switch
            {
                "open" => false,
                "done" => true,
                _ => null,
            },
            SearchKey: string.IsNullOrWhiteSpace(query.Search) ? null : TodoItem.Fold(query.Search.Trim()),
            Order: query.Sort switch
            {
                "created" => TodoItemOrder.OldestFirst,
                "due" => TodoItemOrder.DueFirst,
                "title" => TodoItemOrder.Title,
                _ => TodoItemOrder.NewestFirst,
            },
            Page: query.Page ?? 1,
            PageSize: query.PageSize ?? ListTodoItemsQuery.DefaultPageSize);
        return await todos.ListAsync(filter, cancellationToken);
    }
}
