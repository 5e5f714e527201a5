using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a sealed record that still has a public setter.</summary>
public sealed record MutableRecordCommand : ICommand<int>
{
    public string? Title { get; set; }
}
