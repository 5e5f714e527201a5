using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases.Elsewhere;

/// <summary>Deliberate violation: a handler outside its request's use-case folder.</summary>
internal sealed class StrayCommandHandler : ICommandHandler<StrayCommand>
{
    public ValueTask<Unit> Handle(StrayCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
