using Mediator;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses Mediator.</summary>
internal static class UsesMediator
{
    public static bool IsSender(object sender) => sender is ISender;
}
