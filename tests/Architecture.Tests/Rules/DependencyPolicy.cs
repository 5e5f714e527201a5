using System.Reflection;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// What one production assembly must never see, checked twice: by namespace on every type (NetArchTest walks
/// signatures and method bodies) and by name in the assembly's reference table. The second catches what namespaces
/// hide: <c>UseSqlite</c> and <c>UseNpgsql</c> are declared in the <c>Microsoft.EntityFrameworkCore</c> namespace,
/// which Application may use, but live in the provider assemblies, which it may not.
/// </summary>
public sealed record DependencyPolicy(
    string Name, Assembly Assembly, IReadOnlyList<string> ForbiddenNamespaces, IReadOnlyList<string> ForbiddenAssemblies)
{
    public TypeScope Scope => new(Name, [Assembly], "TodoClean");

    public override string ToString() => Name;
}
