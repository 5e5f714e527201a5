using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a handler not named <c>…Handler</c>.</summary>
internal sealed class CompliantQueryProcessor : IQueryHandler<CompliantQuery, int>
{
    public ValueTask<int> Handle(CompliantQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
