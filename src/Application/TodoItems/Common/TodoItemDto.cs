using System.Globalization;
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
    string Version)
{
    /// <summary>For the read side: the store keeps the version as a number; the wire and the ETag carry it as text.</summary>
    private TodoItemDto(
        Guid id, string title, string? description, bool isDone, TodoPriority priority, DateTime? dueAt, DateTime createdAt,
        DateTime updatedAt, DateTime? completedAt, long version)
        : this(id, title, description, isDone, priority, dueAt, createdAt, updatedAt, completedAt,
            version.ToString(CultureInfo.InvariantCulture))
    {
    }
}
