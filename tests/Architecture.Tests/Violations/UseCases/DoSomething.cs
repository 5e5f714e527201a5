using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a command not named <c>…Command</c>.</summary>
public sealed record DoSomething(Guid Id) : ICommand;
