using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Compliant request: a sealed, immutable record named for its kind.</summary>
public sealed record CompliantCommand(string? Title) : ICommand<int>;
