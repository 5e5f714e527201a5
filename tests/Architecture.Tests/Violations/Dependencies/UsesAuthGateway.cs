using TodoClean.AuthGateway;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses the AuthGateway host.</summary>
internal static class UsesAuthGateway
{
    public static bool IsGateway(object marker) => marker is IAuthGatewayMarker;
}
