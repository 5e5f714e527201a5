using Mono.Cecil;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// Nobody outside can change the type after construction: no public setter except <c>init</c>, no public field that is
/// not read-only or constant, in the type or its base classes. NetArchTest's <c>BeImmutable</c> cannot be used: an
/// <c>init</c> accessor is a public setter in metadata (marked only by a <c>modreq(IsExternalInit)</c>).
/// </summary>
public sealed class IsImmutableRule : ICustomRule
{
    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";

    public bool MeetsRule(TypeDefinition type) => type.SelfAndBaseTypes().All(t =>
        t.Properties.All(p => p.SetMethod is not { IsPublic: true } setter || IsInitOnly(setter))
        && t.Fields.All(f => !f.IsPublic || f.IsInitOnly || f.IsLiteral));

    private static bool IsInitOnly(MethodDefinition setter) =>
        setter.ReturnType is RequiredModifierType modified && modified.ModifierType.FullName == IsExternalInit;
}
