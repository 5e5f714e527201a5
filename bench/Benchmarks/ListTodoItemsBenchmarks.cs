using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Application.TodoItems.Queries.ListTodoItems;

namespace TodoClean.Benchmarks;

/// <summary>
/// <c>GET /api/todos</c> below HTTP: the first page (20 rows, newest first) of an owner with 20 or 1,000 todos, among
/// 50 other users' todos, on the production registrations over in-memory SQLite; straight to the handler and through
/// the mediator pipeline (validator included). One DI scope per call, as per request.
/// </summary>
public class ListTodoItemsBenchmarks
{
    private static readonly ListTodoItemsQuery Query = new();
    private BenchStores _stores = null!;

    [Params(20, 1_000)]
    public int OwnerTodos { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _stores = BenchStores.Todos(OwnerTodos);
        var page = ThroughMediator().GetAwaiter().GetResult();
        if (page.Items.Count != Math.Min(OwnerTodos, ListTodoItemsQuery.DefaultPageSize) || page.TotalCount != OwnerTodos)
        {
            throw new InvalidOperationException($"Expected a page of the owner's {OwnerTodos} todos, got {page.Items.Count} of {page.TotalCount}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _stores.Dispose();

    [Benchmark(Baseline = true)]
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
}
