namespace TodoClean.Architecture.Tests.Rules;

/// <summary>The reference direction of the layers (docs/architecture.md), and the two hosts that never see each other.</summary>
public static class DependencyPolicies
{
    public static readonly DependencyPolicy Domain = new(
        "Domain",
        Production.Domain,
        ForbiddenNamespaces:
        [
            "TodoClean.Application", "TodoClean.Infrastructure", "TodoClean.AuthGateway", "TodoClean.WebApi",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator", "FluentValidation", "AutoMapper",
        ],
        // Domain references nothing of ours: any TodoClean assembly is a violation.
        ForbiddenAssemblies:
        [
            "TodoClean", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator", "FluentValidation",
            "AutoMapper",
        ]);

    public static readonly DependencyPolicy Application = new(
        "Application",
        Production.Application,
        ForbiddenNamespaces:
        [
            "TodoClean.Infrastructure", "TodoClean.AuthGateway", "TodoClean.WebApi", "Microsoft.AspNetCore",
            "Microsoft.Data.Sqlite", "Npgsql",
        ],
        ForbiddenAssemblies:
        [
            "TodoClean.Infrastructure", "TodoClean.AuthGateway", "TodoClean.WebApi", "Microsoft.AspNetCore",
            "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Npgsql",
        ]);

    public static readonly DependencyPolicy Infrastructure = new(
        "Infrastructure",
        Production.Infrastructure,
        ForbiddenNamespaces: ["TodoClean.AuthGateway", "TodoClean.WebApi"],
        ForbiddenAssemblies: ["TodoClean.AuthGateway", "TodoClean.WebApi"]);

    public static readonly DependencyPolicy AuthGateway = new(
        "AuthGateway",
        Production.AuthGateway,
        ForbiddenNamespaces: ["TodoClean.WebApi"],
        ForbiddenAssemblies: ["TodoClean.WebApi"]);

    public static readonly DependencyPolicy WebApi = new(
        "WebApi",
        Production.WebApi,
        ForbiddenNamespaces: ["TodoClean.AuthGateway"],
        ForbiddenAssemblies: ["TodoClean.AuthGateway"]);

    public static readonly IReadOnlyList<DependencyPolicy> Layers = [Domain, Application, Infrastructure];

    public static readonly IReadOnlyList<DependencyPolicy> Hosts = [AuthGateway, WebApi];

    public static DependencyPolicy Named(string name) => Layers.Concat(Hosts).Single(p => p.Name == name);
}
