using Microsoft.AspNetCore.Http;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses ASP.NET Core.</summary>
internal static class UsesAspNetCore
{
    public static string Path(HttpContext context) => context.Request.Path.ToString();
}
