using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Compliant handler: internal, sealed, named for its request, next to it.</summary>
internal sealed class CompliantCommandHandler : ICommandHandler<CompliantCommand, int>
{
    public ValueTask<int> Handle(CompliantCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
