using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses the Application layer.</summary>
internal static class UsesApplication
{
    public static bool IsSensitive(object request) => request is ISensitiveRequest;
}
