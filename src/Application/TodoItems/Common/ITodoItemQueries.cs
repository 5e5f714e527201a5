using TodoClean.Application.Common.Models;

namespace TodoClean.Application.TodoItems.Common;

/// <summary>The todo store's read side: each call one query, mapped straight into the response records.</summary>
public interface ITodoItemQueries
{
    /// <summary><paramref name="ownerId"/>'s todo <paramref name="id"/>, or null (missing and someone else's alike).</summary>
    Task<TodoItemDto?> FindAsync(string ownerId, Guid id, CancellationToken cancellationToken);

    /// <summary>One page of the owner's todos that match <paramref name="filter"/>, with how many match in all.</summary>
    Task<PaginatedList<TodoItemDto>> ListAsync(TodoItemFilter filter, CancellationToken cancellationToken);
}

/// <summary>
/// Which of <see cref="OwnerId"/>'s todos, in which order, which page. <see cref="IsDone"/> null means all;
/// <see cref="SearchKey"/> is a case-folded term (<c>TodoItem.Fold</c>) matched anywhere in the title or description.
/// </summary>
public sealed record TodoItemFilter(string OwnerId, bool? IsDone, string? SearchKey, TodoItemOrder Order, int Page, int PageSize);

public enum TodoItemOrder
{
    /// <summary>Newest first (the default).</summary>
    NewestFirst,
    OldestFirst,

    /// <summary>Soonest due first; todos without a due date last.</summary>
    DueFirst,

    /// <summary>By title, ignoring case.</summary>
    Title,
}
