using TodoClean.Architecture.Tests.Rules;
using TodoClean.Architecture.Tests.Violations.UseCases;

namespace TodoClean.Architecture.Tests;

/// <summary>Mediator requests: sealed, immutable records named <c>…Command</c> or <c>…Query</c>.</summary>
public sealed class RequestTests
{
    [Fact]
    public void RequestsSelection_ShouldFindProductionTypes() =>
        UseCaseRules.Requests(Production.All).GetTypes().Should().NotBeEmpty("otherwise every request rule would pass on nothing");

    [Fact]
    public void Requests_ShouldBeSealedRecords() =>
        UseCaseRules.RequestsMustBeSealedRecords(Production.All).Offenders()
            .ShouldBeNone("Requests are sealed records (docs/style.md)");

    [Fact]
    public void SealedRecordRule_WhenRequestIsAClassOrUnsealed_ShouldNameIt() =>
        UseCaseRules.RequestsMustBeSealedRecords(ViolationScopes.UseCases).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(MutableCommand), typeof(UnsealedQuery)));

    [Fact]
    public void Requests_ShouldBeImmutable() =>
        UseCaseRules.RequestsMustBeImmutable(Production.All).Offenders()
            .ShouldBeNone("Requests have no public setter but init and no writable public field");

    [Fact]
    public void ImmutabilityRule_WhenRequestHasASetterOrWritableField_ShouldNameIt() =>
        UseCaseRules.RequestsMustBeImmutable(ViolationScopes.UseCases).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(MutableCommand), typeof(MutableRecordCommand), typeof(PublicFieldQuery)));

    [Fact]
    public void Requests_ShouldBeNamedCommandOrQuery() =>
        UseCaseRules.RequestsMustBeNamedCommandOrQuery(Production.All).Offenders()
            .ShouldBeNone("Commands end in Command and queries in Query");

    [Fact]
    public void RequestNamingRule_WhenNameDoesNotMatchKind_ShouldNameIt() =>
        UseCaseRules.RequestsMustBeNamedCommandOrQuery(ViolationScopes.UseCases).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(DoSomething), typeof(ListThingsCommand), typeof(PingRequest)));
}
