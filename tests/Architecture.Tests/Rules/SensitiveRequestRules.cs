using NetArchTest.Rules;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Rules;

public static class SensitiveRequestRules
{
    /// <summary>Property names that mean a request carries a secret the pipeline must never log.</summary>
    public static readonly IReadOnlyList<string> SecretNames = ["Password", "Token"];

    public static PredicateList SecretCarryingRequests(TypeScope scope) =>
        UseCaseRules.Requests(scope).And().MeetCustomRule(new HasPropertyNamedLikeRule([.. SecretNames]));

    /// <summary>Every request with a password or token property is an <see cref="ISensitiveRequest"/>.</summary>
    public static TestResult MustBeMarkedSensitive(TypeScope scope) =>
        SecretCarryingRequests(scope).Should().MeetCustomRule(new ImplementsAnyRule(typeof(ISensitiveRequest))).GetResult();
}
