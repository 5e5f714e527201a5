using TodoClean.Architecture.Tests.Rules;
using TodoClean.Architecture.Tests.Violations.UseCases;
using TodoClean.Architecture.Tests.Violations.UseCases.Elsewhere;

namespace TodoClean.Architecture.Tests;

/// <summary>Mediator handlers: <c>internal sealed</c>, named <c>…Handler</c>, in their request's use-case folder.</summary>
public sealed class HandlerTests
{
    [Fact]
    public void HandlersSelection_ShouldFindProductionTypes() =>
        UseCaseRules.Handlers(Production.All).GetTypes().Should().NotBeEmpty("otherwise every handler rule would pass on nothing");

    [Fact]
    public void Handlers_ShouldBeInternalSealed() =>
        UseCaseRules.HandlersMustBeInternalSealed(Production.All).Offenders()
            .ShouldBeNone("Handlers are internal sealed (docs/style.md)");

    [Fact]
    public void HandlerVisibilityRule_WhenHandlerIsPublicOrUnsealed_ShouldNameIt() =>
        UseCaseRules.HandlersMustBeInternalSealed(ViolationScopes.UseCases).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(PublicCommandHandler), typeof(UnsealedQueryHandler)));

    [Fact]
    public void Handlers_ShouldBeNamedHandler() =>
        UseCaseRules.HandlersMustBeNamedHandler(Production.All).Offenders()
            .ShouldBeNone("A handler is named after its request plus Handler");

    [Fact]
    public void HandlerNamingRule_WhenHandlerIsNotNamedHandler_ShouldNameIt() =>
        UseCaseRules.HandlersMustBeNamedHandler(ViolationScopes.UseCases).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(CompliantQueryProcessor)));

    [Fact]
    public void Handlers_ShouldSitWithTheirRequests() =>
        UseCaseRules.HandlersMustSitWithTheirRequests(Production.All).Offenders()
            .ShouldBeNone("A handler lives in its request's use-case folder");

    [Fact]
    public void HandlerPlacementRule_WhenHandlerIsOutsideItsRequestsFolder_ShouldNameIt() =>
        UseCaseRules.HandlersMustSitWithTheirRequests(ViolationScopes.UseCases).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(StrayCommandHandler)));
}
