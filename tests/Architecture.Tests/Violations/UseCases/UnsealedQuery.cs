using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a record that is not sealed.</summary>
public record UnsealedQuery(int Page) : IQuery<int>;
