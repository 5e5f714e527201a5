using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Queries.GetSession;

namespace TodoClean.Benchmarks;

/// <summary>
/// What the mediator and its four behaviours (logging, unhandled-exception, validation, performance) add to one
/// request. The request is <see cref="GetSessionQuery"/> without a token: its handler answers without I/O, so the
/// difference between the two rows is the pipeline. Both rows open a DI scope, as every HTTP request does.
/// </summary>
public class MediatorPipelineBenchmarks
{
    private static readonly GetSessionQuery Query = new(SessionToken: null, DisableRefresh: true);
    private BenchStores _stores = null!;

    [GlobalSetup]
    public void Setup() => _stores = BenchStores.Auth();

    [GlobalCleanup]
    public void Cleanup() => _stores.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<AuthSession?> HandlerDirectly()
    {
        await using var scope = _stores.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var handler = new GetSessionQueryHandler(services.GetRequiredService<SessionStore>());
        return await handler.Handle(Query, CancellationToken.None);
    }

    [Benchmark]
    public async Task<AuthSession?> ThroughMediatorPipeline()
    {
        await using var scope = _stores.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(Query, CancellationToken.None);
    }
}
