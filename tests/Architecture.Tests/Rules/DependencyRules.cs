using System.Reflection;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

public static class DependencyRules
{
    /// <summary>Types in <paramref name="scope"/> that use anything in one of <paramref name="forbiddenNamespaces"/>.</summary>
    public static TestResult MustNotUseNamespaces(TypeScope scope, IEnumerable<string> forbiddenNamespaces) =>
        scope.Select().ShouldNot().HaveDependencyOnAny([.. forbiddenNamespaces]).GetResult();

    /// <summary>
    /// The assemblies <paramref name="assembly"/> references that are one of <paramref name="forbiddenAssemblies"/> or
    /// below one (<c>Npgsql</c> covers <c>Npgsql.EntityFrameworkCore.PostgreSQL</c>). The compiler records a reference
    /// only for an assembly the code actually uses, so this names real dependencies, not project references.
    /// </summary>
    public static IReadOnlyList<string> ForbiddenReferences(Assembly assembly, IEnumerable<string> forbiddenAssemblies)
    {
        var forbidden = forbiddenAssemblies.ToList();
        return
        [
            .. assembly.GetReferencedAssemblies()
                .Select(r => r.Name ?? string.Empty)
                .Where(name => forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal),
        ];
    }
}
