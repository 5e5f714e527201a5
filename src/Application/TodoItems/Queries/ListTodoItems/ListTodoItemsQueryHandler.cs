using AutoMapper;
using AutoMapper.QueryableExtensions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Queries.ListTodoItems;

internal sealed class ListTodoItemsQueryHandler(ITodoDbContext db, ICurrentUser currentUser, IMapper mapper)
    : IQueryHandler<ListTodoItemsQuery, PaginatedList<TodoItemDto>>
{
    public async ValueTask<PaginatedList<TodoItemDto>> Handle(ListTodoItemsQuery query, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.Id;
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? ListTodoItemsQuery.DefaultPageSize;

        var items = db.TodoItems.AsNoTracking().Where(t => t.OwnerId == ownerId);
        items = query.Status switch
        {
            "open" => items.Where(t => !t.IsDone),
            "done" => items.Where(t => t.IsDone),
            _ => items,
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            items = items.Where(t => t.Title.ToLower().Contains(term)
                || (t.Description != null && t.Description.ToLower().Contains(term)));
        }

        var total = await items.CountAsync(cancellationToken);
        var rows = total == 0
            ? []
            : await Sort(items, query.Sort)
                .Skip((page - 1) * pageSize)
                .Take(pageSize)
                .ProjectTo<TodoItemDto>(mapper.ConfigurationProvider)
                .ToListAsync(cancellationToken);
        return new PaginatedList<TodoItemDto>(rows, page, pageSize, total);
    }

    // Every order ends on the id (a GUIDv7, so creation order) to keep pages stable.
    private static IQueryable<TodoItem> Sort(IQueryable<TodoItem> items, string? sort) => sort switch
    {
        "created" => items.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        "due" => items.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id),
        "title" => items.OrderBy(t => t.Title.ToLower()).ThenBy(t => t.Id),
        _ => items.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
    };
}
