using Dapper;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Todos;

/// <summary>
/// The todo list and single todos, read with one plain SQL statement each (the same text on SQLite and PostgreSQL),
/// straight into <see cref="TodoItemDto"/>. Every statement is filtered by the owner.
/// </summary>
internal sealed class TodoItemQueries(StoreDataSource<TodoDbContext> store) : ITodoItemQueries
{
    private const string Columns = """
        "Id", "Title", "Description", "IsDone", "Priority", "DueAt", "CreatedAt", "UpdatedAt", "CompletedAt", "Version"
        """;

    public async Task<TodoItemDto?> FindAsync(string ownerId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TodoItemDto>(new CommandDefinition(
            $"""SELECT {Columns} FROM todo_items WHERE "Id" = @id AND "OwnerId" = @ownerId""",
            new { id, ownerId }, cancellationToken: cancellationToken));
    }

    public async Task<PaginatedList<TodoItemDto>> ListAsync(TodoItemFilter filter, CancellationToken cancellationToken)
    {
        var where = Where(filter);
        var parameters = new
        {
            filter.OwnerId,
            filter.IsDone,
            Pattern = filter.SearchKey is { } key ? $"%{EscapeLike(key)}%" : null,
            Skip = (filter.Page - 1) * filter.PageSize,
            Take = filter.PageSize,
        };

        await using var connection = await store.OpenAsync(cancellationToken);
        // The page and, on each of its rows, how many rows match in all: one round trip.
        var total = 0;
        var items = (await connection.QueryAsync<TodoItemDto, long, TodoItemDto>(new CommandDefinition(
                $"""
                SELECT {Columns}, COUNT(*) OVER () AS "TotalCount"
                FROM todo_items WHERE {where}
                ORDER BY {OrderBy(filter.Order)}
                LIMIT @Take OFFSET @Skip
                """, parameters, cancellationToken: cancellationToken),
            (item, count) =>
            {
                total = (int)count;
                return item;
            },
            splitOn: "TotalCount")).AsList();

        if (items.Count == 0 && filter.Page > 1)
        {
            // Past the last page: no row carried the total.
            total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM todo_items WHERE {where}", parameters, cancellationToken: cancellationToken));
        }

        return new PaginatedList<TodoItemDto>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>The conditions, from fixed fragments only: values always travel as parameters.</summary>
    private static string Where(TodoItemFilter filter) =>
        """ "OwnerId" = @OwnerId"""
        + (filter.IsDone is null ? string.Empty : """ AND "IsDone" = @IsDone""")
        + (filter.SearchKey is null ? string.Empty : """ AND "SearchKey" LIKE @Pattern ESCAPE '\'""");

    // Every order ends on the id (a GUIDv7, so creation order) to keep pages stable.
    private static string OrderBy(TodoItemOrder order) => order switch
    {
        TodoItemOrder.OldestFirst => """ "CreatedAt", "Id" """,
        TodoItemOrder.DueFirst => """ "DueAt" IS NULL, "DueAt", "Id" """,
        TodoItemOrder.Title => """ "SearchKey", "Id" """,
        _ => """ "CreatedAt" DESC, "Id" DESC """,
    };

    /// <summary>A search term taken literally by LIKE: its own <c>%</c>, <c>_</c> and <c>\</c> match only themselves.</summary>
    private static string EscapeLike(string term) =>
        term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
