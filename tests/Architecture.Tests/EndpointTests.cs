using TodoClean.Architecture.Tests.Rules;
using TodoClean.Architecture.Tests.Violations.Endpoints;

namespace TodoClean.Architecture.Tests;

/// <summary>Endpoints only build a request and send it; they never touch a DbContext (docs/architecture.md).</summary>
public sealed class EndpointTests
{
    [Fact]
    public void EndpointsSelection_ShouldFindEndpointsInBothHosts() =>
        EndpointRules.Endpoints(Production.Hosts).GetTypes().Select(t => t.Assembly).Distinct()
            .Should().BeEquivalentTo(
                [Production.AuthGateway, Production.WebApi], "otherwise the endpoint rule would pass on nothing");

    [Fact]
    public void Endpoints_ShouldNotTouchADbContext()
    {
        var result = EndpointRules.MustNotTouchDbContext(Production.Hosts);

        result.Offenders().ShouldBeNone($"Endpoints must not use {string.Join(", ", EndpointRules.DataAccess)}");
    }

    [Fact]
    public void EndpointRule_WhenEndpointsTouchADbContext_ShouldNameThem()
    {
        var result = EndpointRules.MustNotTouchDbContext(ViolationScopes.Endpoints);

        result.Offenders().Should().BeEquivalentTo(
            TypeNames.Of(
                typeof(TodoPortEndpoints), typeof(AuthPortEndpoints), typeof(PersistenceEndpoints),
                typeof(EntityFrameworkEndpoints)),
            "each uses one way to a DbContext, and ThinEndpoints uses none");
    }
}
