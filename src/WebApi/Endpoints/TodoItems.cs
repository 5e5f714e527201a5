using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Commands.CreateTodoItem;
using TodoClean.Application.TodoItems.Commands.DeleteTodoItem;
using TodoClean.Application.TodoItems.Commands.UpdateTodoItem;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Application.TodoItems.Queries.GetTodoItem;
using TodoClean.Application.TodoItems.Queries.ListTodoItems;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Hosting.OpenApi;

namespace TodoClean.WebApi.Endpoints;

public sealed class TodoItems : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/todos").WithTags("Todos").RequireAuthorization();
        group.MapGet("", List).WithName("ListTodoItems")
            .WithSummary("List your todos")
            .WithDescription("One page of the caller's todos, filtered by status and search text, in the order asked for.")
            .WithParameterRules<ListTodoItemsQuery>()
            .ProducesValidationProblem();
        group.MapGet("{id:guid}", Get).WithName("GetTodoItem")
            .WithSummary("Get a todo")
            .WithDescription("One of the caller's todos; its `ETag` is the version to send back in `If-Match` when updating it.")
            .WithResponseHeader(StatusCodes.Status200OK, HeaderNames.ETag, ETagDescription)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", Create).WithName("CreateTodoItem")
            .WithSummary("Create a todo")
            .WithDescription("Adds a todo for the caller; only `title` is required.")
            .WithResponseHeader(StatusCodes.Status201Created, HeaderNames.ETag, ETagDescription)
            .WithResponseHeader(StatusCodes.Status201Created, HeaderNames.Location, "The new todo's address, `/api/todos/{id}`.");
        group.MapPut("{id:guid}", Update).WithName("UpdateTodoItem")
            .WithSummary("Replace a todo")
            .WithDescription(
                "Replaces the todo's fields (`title` and `isDone` are required). With `If-Match: \"<version>\"` the update is " +
                "made only if the todo is still at that version, else 412; without it (or with `*`) it is unconditional.")
            .WithResponseHeader(StatusCodes.Status200OK, HeaderNames.ETag, ETagDescription)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("{id:guid}", Delete).WithName("DeleteTodoItem")
            .WithSummary("Delete a todo")
            .WithDescription("Deletes one of the caller's todos.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private const string ETagDescription = "The todo's version as a strong entity tag, e.g. `\"3\"`.";

    public static async Task<Ok<PaginatedList<TodoItemDto>>> List(
        ISender sender, string? status, string? search, int? page, int? pageSize, string? sort,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListTodoItemsQuery(status, search, page, pageSize, sort), cancellationToken));

    public static async Task<Ok<TodoItemDto>> Get(
        ISender sender, HttpResponse response, Guid id, CancellationToken cancellationToken)
    {
        var item = await sender.Send(new GetTodoItemQuery(id), cancellationToken);
        SetETag(response, item);
        return TypedResults.Ok(item);
    }

    public static async Task<Created<TodoItemDto>> Create(
        ISender sender, HttpResponse response, CreateTodoItemCommand command, CancellationToken cancellationToken)
    {
        var item = await sender.Send(command, cancellationToken);
        SetETag(response, item);
        return TypedResults.Created($"/api/todos/{item.Id}", item);
    }

    public static async Task<Ok<TodoItemDto>> Update(
        ISender sender, HttpResponse response, Guid id, UpdateTodoItemRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        var command = new UpdateTodoItemCommand(
            id, request.Title, request.Description, request.IsDone, request.DueAt, request.Priority, ParseIfMatch(ifMatch));
        var item = await sender.Send(command, cancellationToken);
        SetETag(response, item);
        return TypedResults.Ok(item);
    }

    public static async Task<NoContent> Delete(ISender sender, Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteTodoItemCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static void SetETag(HttpResponse response, TodoItemDto item) =>
        response.Headers.ETag = $"\"{item.Version}\"";

    /// <summary>
    /// <c>"7"</c> → 7; absent or <c>*</c> → unconditional; anything else can match no version, so the update fails with
    /// 412 as RFC 9110 asks. That includes a weak tag (<c>W/"7"</c>): <c>If-Match</c> compares strongly (RFC 9110 §13.1.1).
    /// </summary>
    internal static long? ParseIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(ifMatch.Trim(), out var tag) && !tag.IsWeak
               && long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }
}
