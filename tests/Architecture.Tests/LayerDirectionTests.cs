using TodoClean.Architecture.Tests.Rules;

namespace TodoClean.Architecture.Tests;

/// <summary>Domain ← Application ← Infrastructure ← hosts, and never the other way (docs/architecture.md).</summary>
public sealed class LayerDirectionTests
{
    public static TheoryData<string> Layers => new(DependencyPolicies.Layers.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_ShouldNotUseForbiddenNamespaces(string layer) =>
        DependencyAssertions.UsesNoForbiddenNamespace(DependencyPolicies.Named(layer));

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_ShouldNotReferenceForbiddenAssemblies(string layer) =>
        DependencyAssertions.ReferencesNoForbiddenAssembly(DependencyPolicies.Named(layer));

    [Theory]
    [MemberData(nameof(Layers))]
    public void NamespaceRule_WhenTypesUseForbiddenNamespaces_ShouldNameThem(string layer) =>
        DependencyAssertions.NamespaceRuleNamesEveryFixture(DependencyPolicies.Named(layer));

    [Theory]
    [MemberData(nameof(Layers))]
    public void ReferenceRule_WhenAssemblyReferencesForbiddenAssemblies_ShouldNameThem(string layer) =>
        DependencyAssertions.ReferenceRuleNamesEveryEntry(DependencyPolicies.Named(layer));
}
