using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Compliant request whose handler sits in another folder (<see cref="Elsewhere.StrayCommandHandler"/>).</summary>
public sealed record StrayCommand(Guid Id) : ICommand;
