using TodoClean.Architecture.Tests.Rules;
using TodoClean.Architecture.Tests.Violations.UseCases;

namespace TodoClean.Architecture.Tests;

/// <summary>FluentValidation validators: <c>internal sealed</c> and named <c>…Validator</c>.</summary>
public sealed class ValidatorTests
{
    [Fact]
    public void ValidatorsSelection_ShouldFindProductionTypes() =>
        UseCaseRules.Validators(Production.All).GetTypes()
            .Should().NotBeEmpty("otherwise every validator rule would pass on nothing");

    [Fact]
    public void Validators_ShouldBeInternalSealed() =>
        UseCaseRules.ValidatorsMustBeInternalSealed(Production.All).Offenders()
            .ShouldBeNone("Validators are internal sealed (docs/style.md)");

    [Fact]
    public void ValidatorVisibilityRule_WhenValidatorIsPublicOrUnsealed_ShouldNameIt() =>
        UseCaseRules.ValidatorsMustBeInternalSealed(ViolationScopes.UseCases).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(PublicCommandValidator), typeof(UnsealedQueryValidator)));

    [Fact]
    public void Validators_ShouldBeNamedValidator() =>
        UseCaseRules.ValidatorsMustBeNamedValidator(Production.All).Offenders()
            .ShouldBeNone("A validator is named after its request plus Validator");

    [Fact]
    public void ValidatorNamingRule_WhenValidatorIsNotNamedValidator_ShouldNameIt() =>
        UseCaseRules.ValidatorsMustBeNamedValidator(ViolationScopes.UseCases).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(CompliantCommandRules)));
}
