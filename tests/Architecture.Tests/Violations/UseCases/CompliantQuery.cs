using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Compliant request.</summary>
public sealed record CompliantQuery(int Page) : IQuery<int>;
