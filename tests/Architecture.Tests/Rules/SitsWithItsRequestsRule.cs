using Mono.Cecil;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// A handler lives in the namespace (the use-case folder) of every request it handles: the request is the first
/// type argument of each handler interface in <paramref name="handlerInterfaces"/> the type implements.
/// </summary>
public sealed class SitsWithItsRequestsRule(IReadOnlyCollection<Type> handlerInterfaces) : ICustomRule
{
    public bool MeetsRule(TypeDefinition type)
    {
        var home = CecilTypes.NamespaceOf(type);
        return type.AllInterfaces()
            .Where(i => i.IsAny(handlerInterfaces))
            .OfType<GenericInstanceType>()
            .All(handler => CecilTypes.NamespaceOf(handler.GenericArguments[0]) == home);
    }
}
