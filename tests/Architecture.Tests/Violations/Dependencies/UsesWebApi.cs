using TodoClean.WebApi;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses the WebApi host.</summary>
internal static class UsesWebApi
{
    public static bool IsWebApi(object marker) => marker is IWebApiMarker;
}
