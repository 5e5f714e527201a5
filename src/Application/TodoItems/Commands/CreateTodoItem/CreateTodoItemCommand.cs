using Mediator;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Commands.CreateTodoItem;

public sealed record CreateTodoItemCommand(string? Title, string? Description, DateTime? DueAt, TodoPriority? Priority)
    : ICommand<TodoItemDto>;
