using Mono.Cecil;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>The type derives from <paramref name="baseType"/>; an open generic matches any closed form.</summary>
public sealed class InheritsFromRule(Type baseType) : ICustomRule
{
    public bool MeetsRule(TypeDefinition type) => type.SelfAndBaseTypes().Skip(1).Any(t => t.Is(baseType));
}
