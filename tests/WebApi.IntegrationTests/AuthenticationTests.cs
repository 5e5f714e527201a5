using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>Every way a bearer token can be wrong ends in the same 401 problem with <c>WWW-Authenticate: Bearer</c>.</summary>
public abstract class AuthenticationTests(ApiFactory factory)
{
    public sealed class OnSqlite(SqliteApiFactory factory) : AuthenticationTests(factory), IClassFixture<SqliteApiFactory>;

    public sealed class OnPostgres(PostgresApiFactory factory) : AuthenticationTests(factory), IClassFixture<PostgresApiFactory>;

    public static TheoryData<string, string> BadTokens()
    {
        var user = "user-" + Guid.NewGuid().ToString("N");
        Dictionary<string, object> Claims(params (string Key, object Value)[] extra)
        {
            var claims = new Dictionary<string, object> { ["sub"] = user };
            foreach (var (key, value) in extra)
            {
                claims[key] = value;
            }

            return claims;
        }

        return new TheoryData<string, string>
        {
            { "garbage", "not-a-jwt" },
            { "alg none", JwtForge.Unsigned(user) },
            { "HS512 with the right secret", JwtForge.Create(Claims(), algorithm: SecurityAlgorithms.HmacSha512) },
            { "signed with another secret", JwtForge.Create(Claims(), secret: TestSecrets.OtherJwtSecret) },
            { "expired", JwtForge.Create(Claims(), issuedAt: DateTime.UtcNow.AddHours(-1), lifetime: TimeSpan.FromMinutes(15)) },
            { "not yet valid", JwtForge.Create(Claims(), issuedAt: DateTime.UtcNow.AddMinutes(10)) },
            { "wrong audience", JwtForge.Create(Claims(("aud", "someone-else"))) },
            { "wrong issuer", JwtForge.Create(Claims(("iss", "evil-issuer"))) },
            { "no subject", JwtForge.Create(new Dictionary<string, object> { ["email"] = "x@example.com" }) },
            { "blank subject", JwtForge.Create(Claims(("sub", " "))) },
            { "session token instead of a JWT", "x6KSfdMEFNUoDqH4O9G9AD2ZliEbJp3N.XYUvZfJq1JL5tGqGhFtvavnts7TynR0OE1kuA64GGx4=" },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Api_WhenTokenIsInvalid_ShouldReturn401ProblemWithInvalidTokenChallenge(string why, string token)
    {
        var client = factory.CreateClient().WithBearer(token);

        var response = await client.GetAsync("/api/todos");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, why);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer").And.Contain("error=\"invalid_token\"", why);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(401);
        problem.GetProperty("detail").GetString().Should().Be("The access token is missing, expired or invalid. Sign in again.");
    }

    [Theory]
    [InlineData("/api/todos")]
    [InlineData("/api/me")]
    [InlineData("/api/todos/0190a4c8-7b7e-7c3a-9d1e-111111111111")]
    public async Task Api_WhenNoTokenIsSent_ShouldReturn401WithPlainBearerChallenge(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Api_WhenTokenIsValid_ShouldAnswer200()
    {
        var client = factory.CreateUserClient();

        var response = await client.GetAsync("/api/todos");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_ShouldBeAnonymousAndHealthy()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = await response.JsonAsync();
        health.GetProperty("status").GetString().Should().Be("Healthy");
        health.GetProperty("checks").GetProperty("todo-store").GetProperty("status").GetString().Should().Be("Healthy");
    }
}
