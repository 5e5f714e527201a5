using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a query named like a command.</summary>
public sealed record ListThingsCommand(int Page) : IQuery<int>;
