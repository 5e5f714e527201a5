using System.Reflection;
using TodoClean.Architecture.Tests.Rules;
using TodoClean.AuthGateway;
using TodoClean.Domain.TodoItems;
using TodoClean.WebApi;

namespace TodoClean.Architecture.Tests;

/// <summary>The production assemblies, each found through a type it owns.</summary>
public static class Production
{
    public static readonly Assembly Domain = typeof(TodoItem).Assembly;
    public static readonly Assembly Application = typeof(TodoClean.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(TodoClean.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly AuthGateway = typeof(IAuthGatewayMarker).Assembly;
    public static readonly Assembly WebApi = typeof(IWebApiMarker).Assembly;

    public static readonly TypeScope All =
        new("production", [Domain, Application, Infrastructure, AuthGateway, WebApi], "TodoClean");

    public static readonly TypeScope Hosts = new("hosts", [AuthGateway, WebApi], "TodoClean");
}
