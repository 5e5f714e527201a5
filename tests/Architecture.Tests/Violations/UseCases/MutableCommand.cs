using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a request that is a plain class with a public setter.</summary>
public class MutableCommand : ICommand<int>
{
    public string? Title { get; set; }
}
