using TodoClean.Architecture.Tests.Rules;
using TodoClean.Architecture.Tests.Violations.Sensitive;

namespace TodoClean.Architecture.Tests;

/// <summary>A request carrying a password or a token is an <c>ISensitiveRequest</c>, so the pipeline never logs it.</summary>
public sealed class SensitiveRequestTests
{
    [Fact]
    public void SecretCarryingSelection_ShouldFindProductionTypes() =>
        SensitiveRequestRules.SecretCarryingRequests(Production.All).GetTypes()
            .Should().NotBeEmpty("otherwise the rule would pass on nothing");

    [Fact]
    public void SecretCarryingRequests_ShouldBeMarkedSensitive() =>
        SensitiveRequestRules.MustBeMarkedSensitive(Production.All).Offenders().ShouldBeNone(
            $"Requests with a {string.Join(" or ", SensitiveRequestRules.SecretNames)} property "
            + "must implement ISensitiveRequest (docs/style.md)");

    [Fact]
    public void SensitiveRule_WhenRequestCarriesASecretUnmarked_ShouldNameIt() =>
        SensitiveRequestRules.MustBeMarkedSensitive(ViolationScopes.Sensitive).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(ResetPasswordCommand), typeof(RefreshTokenQuery)));
}
