using AutoMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Queries.ListTodoItems;

internal sealed class ListTodoItemsQueryHandler(ITodoDbContext db, ICurrentUser currentUser, IMapper mapper)
    : IQueryHandler<ListTodoItemsQuery, PaginatedList<TodoItemDto>>
{
    public async ValueTask<PaginatedList<TodoItemDto>> Handle(ListTodoItemsQuery query, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.Id;
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? ListTodoItemsQuery.DefaultPageSize;
        bool? done = query.Status switch
        {
            "open" => false,
            "done" => true,
            _ => null,
        };
        var term = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim().ToLowerInvariant();

        // One compiled query returns the page and, on each row, the total (ListTodoItemsCompiledQueries).
        var store = (DbContext)db;
        var rows = new List<TodoItemDto>(Math.Min(pageSize, ListTodoItemsQuery.MaxPageSize));
        var total = 0;
        await foreach (var row in ListTodoItemsCompiledQueries.Page(store, query.Sort, mapper.ConfigurationProvider)(
                           store, ownerId, done, term, (page - 1) * pageSize, pageSize).WithCancellation(cancellationToken))
        {
            rows.Add(row.Item);
            total = row.Total;
        }

        if (rows.Count == 0 && page > 1)
        {
            // Past the last page: no row carried the total.
            total = await ListTodoItemsCompiledQueries.Count(store, ownerId, done, term);
        }

        return new PaginatedList<TodoItemDto>(rows, page, pageSize, total);
    }
}
