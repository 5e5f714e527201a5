using System.Reflection;
using TodoClean.Architecture.Tests.Rules;

namespace TodoClean.Architecture.Tests;

/// <summary>
/// The deliberate violations under <c>Violations/</c>, one namespace per rule family, so each rule is shown failing
/// on exactly the fixtures meant for it (docs/architecture.md: every rule is seen failing before it is trusted).
/// </summary>
public static class ViolationScopes
{
    public static readonly Assembly TestAssembly = typeof(ViolationScopes).Assembly;

    public static readonly TypeScope Dependencies = In("Dependencies");
    public static readonly TypeScope Endpoints = In("Endpoints");
    public static readonly TypeScope UseCases = In("UseCases");
    public static readonly TypeScope Sensitive = In("Sensitive");
    public static readonly TypeScope ReadSide = In("ReadSide");

    private static TypeScope In(string family) =>
        new($"violations: {family}", [TestAssembly], $"TodoClean.Architecture.Tests.Violations.{family}");
}
