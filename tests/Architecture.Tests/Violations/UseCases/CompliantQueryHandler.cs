using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Compliant handler.</summary>
internal sealed class CompliantQueryHandler : IQueryHandler<CompliantQuery, int>
{
    public ValueTask<int> Handle(CompliantQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
