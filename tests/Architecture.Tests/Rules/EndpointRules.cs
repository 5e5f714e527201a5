using NetArchTest.Rules;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Rules;

public static class EndpointRules
{
    /// <summary>Everything a DbContext is reachable through: EF Core itself, our contexts, and the two ports.</summary>
    public static readonly IReadOnlyList<string> DataAccess =
    [
        "Microsoft.EntityFrameworkCore",
        "TodoClean.Infrastructure.Persistence",
        typeof(IAuthDbContext).FullName!,
        typeof(ITodoDbContext).FullName!,
    ];

    /// <summary>Types in an <c>Endpoints</c> namespace (at any depth) inside <paramref name="scope"/>.</summary>
    public static PredicateList Endpoints(TypeScope scope) =>
        scope.Select().And().ResideInNamespaceMatching(@"(^|\.)Endpoints(\.|$)");

    /// <summary>Endpoints only build a request and send it: none of them may touch <see cref="DataAccess"/>.</summary>
    public static TestResult MustNotTouchDbContext(TypeScope scope) =>
        Endpoints(scope).ShouldNot().HaveDependencyOnAny([.. DataAccess]).GetResult();
}
