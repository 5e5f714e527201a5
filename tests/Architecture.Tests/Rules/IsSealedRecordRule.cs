using Mono.Cecil;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// A sealed <c>record</c> class. Metadata has no "record" flag; the compiler gives every record class a
/// <c>&lt;Clone&gt;$</c> method (what <c>with</c> calls), and nothing else has one.
/// </summary>
public sealed class IsSealedRecordRule : ICustomRule
{
    public bool MeetsRule(TypeDefinition type) =>
        type.IsClass && type.IsSealed && type.Methods.Any(m => m.Name == "<Clone>$");
}
