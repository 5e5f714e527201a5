using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a sealed record with a public writable field.</summary>
public sealed record PublicFieldQuery : IQuery<int>
{
    public int Page;
}
