using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a public handler.</summary>
public sealed class PublicCommandHandler : ICommandHandler<CompliantCommand, int>
{
    public ValueTask<int> Handle(CompliantCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
