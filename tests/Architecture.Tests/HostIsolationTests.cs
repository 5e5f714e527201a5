using TodoClean.Architecture.Tests.Rules;

namespace TodoClean.Architecture.Tests;

/// <summary>The two hosts never see each other: no type uses the other host, and neither assembly references it.</summary>
public sealed class HostIsolationTests
{
    public static TheoryData<string> Hosts => new(DependencyPolicies.Hosts.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Host_ShouldNotUseTheOtherHost(string host) =>
        DependencyAssertions.UsesNoForbiddenNamespace(DependencyPolicies.Named(host));

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Host_ShouldNotReferenceTheOtherHost(string host) =>
        DependencyAssertions.ReferencesNoForbiddenAssembly(DependencyPolicies.Named(host));

    [Theory]
    [MemberData(nameof(Hosts))]
    public void NamespaceRule_WhenTypesUseTheOtherHost_ShouldNameThem(string host) =>
        DependencyAssertions.NamespaceRuleNamesEveryFixture(DependencyPolicies.Named(host));

    [Theory]
    [MemberData(nameof(Hosts))]
    public void ReferenceRule_WhenAssemblyReferencesTheOtherHost_ShouldNameIt(string host) =>
        DependencyAssertions.ReferenceRuleNamesEveryEntry(DependencyPolicies.Named(host));
}
