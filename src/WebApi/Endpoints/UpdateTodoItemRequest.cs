using TodoClean.Domain.TodoItems;

namespace TodoClean.WebApi.Endpoints;

/// <summary>The body of <c>PUT /api/todos/{id}</c>; the id comes from the route and the version from <c>If-Match</c>.</summary>
public sealed record UpdateTodoItemRequest(
    string? Title, string? Description, bool? IsDone, DateTime? DueAt, TodoPriority? Priority);
