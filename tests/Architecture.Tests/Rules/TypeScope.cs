using System.Reflection;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// The types a rule looks at: some assemblies, narrowed to one namespace and everything under it. Production rules
/// look at <c>TodoClean</c> (which leaves out the <c>Mediator</c> namespace the source generator emits); the
/// deliberate violations look at their own corner of the test assembly.
/// </summary>
public sealed record TypeScope(string Name, IReadOnlyList<Assembly> Assemblies, string Namespace)
{
    public PredicateList Select() =>
        Types.InAssemblies(Assemblies, [AppContext.BaseDirectory]).That().ResideInNamespace(Namespace + ".");

    public override string ToString() => Name;
}
