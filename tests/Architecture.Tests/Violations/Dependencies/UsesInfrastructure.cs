using TodoClean.Infrastructure.Hosting;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses the Infrastructure layer.</summary>
internal static class UsesInfrastructure
{
    public static bool IsEndpointGroup(object group) => group is IEndpointGroup;
}
