using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Common;

public sealed record TodoItemDto(
    Guid Id,
    string Title,
    string? Description,
    bool IsDone,
    TodoPriority Priority,
    DateTime? DueAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    string Version);
