using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application.Common.Interfaces;
using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>Faults are 500s with a trace id; only the application's own authentication failures are 401s.</summary>
public abstract class FaultTests(ApiFactory factory)
{
    public sealed class OnSqlite(SqliteApiFactory factory) : FaultTests(factory), IClassFixture<SqliteApiFactory>;

    public sealed class OnPostgres(PostgresApiFactory factory) : FaultTests(factory), IClassFixture<PostgresApiFactory>;

    [Fact]
    public async Task Api_WhenAnUnauthorizedAccessExceptionEscapes_ShouldAnswer500NotSignInAgain()
    {
        // A file-permission error deep in a use case is a fault of the server, not a reason to send the user to sign-in.
        using var faulty = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<ICurrentUser, FileDeniedCaller>()));
        var client = faulty.CreateClient().WithBearer(JwtForge.Valid($"user{Guid.NewGuid():N}"));

        var response = await client.GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Headers.WwwAuthenticate.Should().BeEmpty();
        var problem = await response.JsonAsync();
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
        problem.GetRawText().Should().NotContain("/var/lib/todoclean", "no exception text reaches a client");
    }

    private sealed class FileDeniedCaller : ICurrentUser
    {
        public string Id => throw new UnauthorizedAccessException("Access to the path '/var/lib/todoclean/todos.db' is denied.");

        public string Email => string.Empty;

        public string Name => string.Empty;
    }
}
