using TodoClean.Architecture.Tests.Violations.Dependencies;

namespace TodoClean.Architecture.Tests;

/// <summary>
/// For every namespace a dependency policy forbids, the deliberate violation that uses it. A policy entry without a
/// fixture fails its violation test: a forbidden namespace nobody has seen the rule catch is not trusted (a misspelt
/// namespace, or one like <c>Microsoft.EntityFrameworkCore.Sqlite</c> that public API hardly lives in, would pass
/// everything forever).
/// </summary>
public static class DependencyFixtures
{
    public static readonly IReadOnlyDictionary<string, Type> ByForbiddenNamespace = new Dictionary<string, Type>
    {
        ["TodoClean.Application"] = typeof(UsesApplication),
        ["TodoClean.Infrastructure"] = typeof(UsesInfrastructure),
        ["TodoClean.AuthGateway"] = typeof(UsesAuthGateway),
        ["TodoClean.WebApi"] = typeof(UsesWebApi),
        ["Microsoft.EntityFrameworkCore"] = typeof(UsesEntityFrameworkCore),
        ["Microsoft.AspNetCore"] = typeof(UsesAspNetCore),
        ["Mediator"] = typeof(UsesMediator),
        ["FluentValidation"] = typeof(UsesFluentValidation),
        ["AutoMapper"] = typeof(UsesAutoMapper),
        ["Microsoft.Data.Sqlite"] = typeof(UsesSqlite),
        ["Npgsql"] = typeof(UsesNpgsql),
    };
}
