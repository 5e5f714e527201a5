using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a handler that is not sealed.</summary>
internal class UnsealedQueryHandler : IQueryHandler<CompliantQuery, int>
{
    public ValueTask<int> Handle(CompliantQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
