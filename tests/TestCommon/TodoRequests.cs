using TodoClean.Application.TodoItems.Commands.CreateTodoItem;
using TodoClean.Application.TodoItems.Commands.UpdateTodoItem;
using TodoClean.Domain.TodoItems;

namespace TodoClean.TestCommon;

/// <summary>Todo commands with valid defaults: a test names only what it is about.</summary>
public static class TodoRequests
{
    public static CreateTodoItemCommand Create(
        string? title = "Buy milk", string? description = null, DateTime? dueAt = null, TodoPriority? priority = null) =>
        new(title, description, dueAt, priority);

    public static UpdateTodoItemCommand Update(
        Guid id, string? title = "Buy milk", string? description = null, bool? isDone = false, DateTime? dueAt = null,
        TodoPriority? priority = null, long? expectedVersion = null) =>
        new(id, title, description, isDone, dueAt, priority, expectedVersion);
}
