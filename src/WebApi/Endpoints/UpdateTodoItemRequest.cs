using TodoClean.Application.TodoItems.Commands.UpdateTodoItem;
using TodoClean.Domain.TodoItems;
using TodoClean.Infrastructure.Hosting.OpenApi;

namespace TodoClean.WebApi.Endpoints;

/// <summary>The body of <c>PUT /api/todos/{id}</c>; the id comes from the route and the version from <c>If-Match</c>.</summary>
[ValidatedAs(typeof(UpdateTodoItemCommand))]
public sealed record UpdateTodoItemRequest(
    string? Title, string? Description, bool? IsDone, DateTime? DueAt, TodoPriority? Priority);
