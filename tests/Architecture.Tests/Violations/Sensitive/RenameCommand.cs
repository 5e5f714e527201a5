using Mediator;

namespace TodoClean.Architecture.Tests.Violations.Sensitive;

/// <summary>Compliant: carries no secret, so needs no marker.</summary>
public sealed record RenameCommand(string? Name) : ICommand<bool>;
