using Mono.Cecil;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// The type (or a base class) has a property whose name contains one of <paramref name="fragments"/>, ignoring case.
/// </summary>
public sealed class HasPropertyNamedLikeRule(params string[] fragments) : ICustomRule
{
    public bool MeetsRule(TypeDefinition type) => type.SelfAndBaseTypes()
        .SelectMany(t => t.Properties)
        .Any(p => fragments.Any(f => p.Name.Contains(f, StringComparison.OrdinalIgnoreCase)));
}
