using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

public static class TestResultExtensions
{
    /// <summary>The full names of the types that broke the rule; empty when it held (NetArchTest gives null then).</summary>
    public static IReadOnlyList<string> Offenders(this TestResult result) => result.FailingTypeNames ?? [];
}
