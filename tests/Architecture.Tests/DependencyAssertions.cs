using FluentAssertions.Execution;
using TodoClean.Architecture.Tests.Rules;

namespace TodoClean.Architecture.Tests;

/// <summary>The checks shared by the layer-direction and host-isolation tests, production and violation side.</summary>
internal static class DependencyAssertions
{
    public static void UsesNoForbiddenNamespace(DependencyPolicy policy)
    {
        var result = DependencyRules.MustNotUseNamespaces(policy.Scope, policy.ForbiddenNamespaces);

        result.Offenders().ShouldBeNone(
            $"Types in {policy.Name} must not use {string.Join(", ", policy.ForbiddenNamespaces)}");
    }

    public static void ReferencesNoForbiddenAssembly(DependencyPolicy policy)
    {
        var references = DependencyRules.ForbiddenReferences(policy.Assembly, policy.ForbiddenAssemblies);

        references.ShouldBeNone(
            $"{policy.Assembly.GetName().Name} must not reference {string.Join(", ", policy.ForbiddenAssemblies)}");
    }

    /// <summary>
    /// The namespace rule, run on the fixtures under <c>Violations/Dependencies</c>: with the policy's whole list (as in
    /// production) it names every fixture, and with each entry alone it names that entry's fixture.
    /// </summary>
    public static void NamespaceRuleNamesEveryFixture(DependencyPolicy policy)
    {
        using var scope = new AssertionScope();
        var fixtures = policy.ForbiddenNamespaces
            .Where(DependencyFixtures.ByForbiddenNamespace.ContainsKey)
            .ToDictionary(f => f, f => DependencyFixtures.ByForbiddenNamespace[f].FullName!);
        policy.ForbiddenNamespaces.Should().BeSubsetOf(
            DependencyFixtures.ByForbiddenNamespace.Keys, "every forbidden namespace needs a fixture the rule is seen to catch");

        DependencyRules.MustNotUseNamespaces(ViolationScopes.Dependencies, policy.ForbiddenNamespaces).Offenders()
            .Should().Contain(fixtures.Values);
        foreach (var (forbidden, fixture) in fixtures)
        {
            DependencyRules.MustNotUseNamespaces(ViolationScopes.Dependencies, [forbidden]).Offenders()
                .Should().Contain(fixture, "{0} uses {1}", fixture, forbidden);
        }
    }

    /// <summary>
    /// The reference rule, run on this test assembly (which references everything): with the policy's whole list it
    /// reports references, and each entry alone matches at least one real reference.
    /// </summary>
    public static void ReferenceRuleNamesEveryEntry(DependencyPolicy policy)
    {
        using var scope = new AssertionScope();
        DependencyRules.ForbiddenReferences(ViolationScopes.TestAssembly, policy.ForbiddenAssemblies).Should().NotBeEmpty();
        foreach (var forbidden in policy.ForbiddenAssemblies)
        {
            DependencyRules.ForbiddenReferences(ViolationScopes.TestAssembly, [forbidden])
                .Should().NotBeEmpty("the test assembly uses {0}, so the rule must report it", forbidden);
        }
    }
}
