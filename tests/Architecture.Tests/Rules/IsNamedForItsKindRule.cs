using Mono.Cecil;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// A request's name says what it is: commands end in <c>Command</c>, queries in <c>Query</c>, and a plain request
/// (neither kind) in one of the two. A type that is both a command and a query breaks the rule.
/// </summary>
public sealed class IsNamedForItsKindRule(IReadOnlyCollection<Type> commandInterfaces, IReadOnlyCollection<Type> queryInterfaces)
    : ICustomRule
{
    public bool MeetsRule(TypeDefinition type)
    {
        var interfaces = type.AllInterfaces().ToList();
        var isCommand = interfaces.Any(i => i.IsAny(commandInterfaces));
        var isQuery = interfaces.Any(i => i.IsAny(queryInterfaces));
        var name = type.Name.Split('`')[0];
        return (isCommand, isQuery) switch
        {
            (true, true) => false,
            (true, false) => name.EndsWith("Command", StringComparison.Ordinal),
            (false, true) => name.EndsWith("Query", StringComparison.Ordinal),
            _ => name.EndsWith("Command", StringComparison.Ordinal) || name.EndsWith("Query", StringComparison.Ordinal),
        };
    }
}
