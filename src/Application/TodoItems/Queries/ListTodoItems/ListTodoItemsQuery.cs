using Mediator;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Queries.ListTodoItems;

/// <summary>
/// One page of the caller's todos. <see cref="Status"/>: all | open | done; <see cref="Sort"/>: created | -created |
/// due | title; <see cref="Search"/> matches title or description, ignoring case.
/// </summary>
public sealed record ListTodoItemsQuery(
    string? Status = null, string? Search = null, int? Page = null, int? PageSize = null, string? Sort = null)
    : IQuery<PaginatedList<TodoItemDto>>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 200;

    public static readonly IReadOnlyList<string> Statuses = ["all", "open", "done"];
    public static readonly IReadOnlyList<string> Sorts = ["created", "-created", "due", "title"];
}
