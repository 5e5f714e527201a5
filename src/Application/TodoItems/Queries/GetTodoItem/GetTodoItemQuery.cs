using Mediator;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Queries.GetTodoItem;

public sealed record GetTodoItemQuery(Guid Id) : IQuery<TodoItemDto>;
