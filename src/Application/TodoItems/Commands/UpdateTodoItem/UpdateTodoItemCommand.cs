using Mediator;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Commands.UpdateTodoItem;

/// <summary>
/// Replace a todo's writable fields. <see cref="Title"/> and <see cref="IsDone"/> are required; <see cref="Priority"/>
/// keeps its value when omitted; <see cref="Description"/> and <see cref="DueAt"/> are cleared by null. <see cref="ExpectedVersion"/> (from
/// <c>If-Match</c>) makes the update conditional.
/// </summary>
public sealed record UpdateTodoItemCommand(
    Guid Id, string? Title, string? Description, bool? IsDone, DateTime? DueAt, TodoPriority? Priority,
    long? ExpectedVersion = null) : ICommand<TodoItemDto>;
