using Mono.Cecil;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// The type implements one of <paramref name="interfaces"/> (open generics match any closed form), itself or through a
/// base class. NetArchTest's own <c>ImplementInterface</c> looks at the type's own interface list only.
/// </summary>
public sealed class ImplementsAnyRule(params Type[] interfaces) : ICustomRule
{
    public bool MeetsRule(TypeDefinition type) => type.AllInterfaces().Any(i => i.IsAny(interfaces));
}
