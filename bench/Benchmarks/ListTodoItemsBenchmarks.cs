using System.Globalization;
using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Application.TodoItems.Queries.ListTodoItems;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Benchmarks;

/// <summary>
/// <c>GET /api/todos</c> below HTTP: the first page (20 rows, newest first, with the total) of an owner with 20 or 1,000
/// todos, among 50 other users' todos, on the production registrations over in-memory SQLite. From the bottom up:
/// the reference host's way (Microsoft.Data.Sqlite by hand: a new connection, command and reader, the same SQL), the
/// read port alone (<see cref="ITodoItemQueries"/>: Dapper), the handler in a request scope, and the whole mediator
/// pipeline (validator and behaviours included) in a request scope, as the endpoint calls it.
/// </summary>
public class ListTodoItemsBenchmarks
{
    private const string Sql = """
        SELECT "Id", "Title", "Description", "IsDone", "Priority", "DueAt", "CreatedAt", "UpdatedAt", "CompletedAt", "Version",
               COUNT(*) OVER ()
        FROM todo_items WHERE "OwnerId" = $owner
        ORDER BY "CreatedAt" DESC, "Id" DESC
        LIMIT $take OFFSET $skip
        """;

    private static readonly ListTodoItemsQuery Query = new();
    private static readonly TodoItemFilter Filter = new(
        BenchStores.OwnerId, IsDone: null, SearchKey: null, TodoItemOrder.NewestFirst, Page: 1, PageSize: ListTodoItemsQuery.DefaultPageSize);

    private BenchStores _stores = null!;
    private ITodoItemQueries _queries = null!;

    [Params(20, 1_000)]
    public int OwnerTodos { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _stores = BenchStores.Todos(OwnerTodos);
        _queries = _stores.Services.GetRequiredService<ITodoItemQueries>();
        foreach (var page in new[] { ReferenceHostWay(), ReadPort(), Handler(), ThroughMediator() }.Select(t => t.GetAwaiter().GetResult()))
        {
            if (page.Items.Count != Math.Min(OwnerTodos, ListTodoItemsQuery.DefaultPageSize) || page.TotalCount != OwnerTodos)
            {
                throw new InvalidOperationException($"Expected a page of the owner's {OwnerTodos} todos, got {page.Items.Count} of {page.TotalCount}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _stores.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<PaginatedList<TodoItemDto>> ReferenceHostWay()
    {
        await using var connection = new SqliteConnection(_stores.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$owner", Filter.OwnerId);
        command.Parameters.AddWithValue("$take", Filter.PageSize);
        command.Parameters.AddWithValue("$skip", 0);
        var items = new List<TodoItemDto>(Filter.PageSize);
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(new TodoItemDto(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3),
                Enum.Parse<TodoPriority>(reader.GetString(4)), reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)),
                Utc(reader.GetDateTime(6)), Utc(reader.GetDateTime(7)), reader.IsDBNull(8) ? null : Utc(reader.GetDateTime(8)),
                reader.GetInt64(9).ToString(CultureInfo.InvariantCulture)));
            total = reader.GetInt32(10);
        }

        return new PaginatedList<TodoItemDto>(items, Filter.Page, Filter.PageSize, total);
    }

    [Benchmark]
    public Task<PaginatedList<TodoItemDto>> ReadPort() => _queries.ListAsync(Filter, CancellationToken.None);

    [Benchmark]
    public async Task<PaginatedList<TodoItemDto>> Handler()
    {
        await using var scope = _stores.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var handler = new ListTodoItemsQueryHandler(
            services.GetRequiredService<ITodoItemQueries>(), services.GetRequiredService<ICurrentUser>());
        return await handler.Handle(Query, CancellationToken.None);
    }

    [Benchmark]
    public async Task<PaginatedList<TodoItemDto>> ThroughMediator()
    {
        await using var scope = _stores.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(Query, CancellationToken.None);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
