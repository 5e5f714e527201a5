using Mediator;

namespace TodoClean.Application.TodoItems.Commands.DeleteTodoItem;

public sealed record DeleteTodoItemCommand(Guid Id) : ICommand;
