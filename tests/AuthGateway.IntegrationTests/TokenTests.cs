using System.Net;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

public abstract class TokenTests(GatewayFactory factory)
{
    public sealed class OnSqlite(SqliteGatewayFactory factory) : TokenTests(factory), IClassFixture<SqliteGatewayFactory>;

    public sealed class OnPostgres(PostgresGatewayFactory factory) : TokenTests(factory), IClassFixture<PostgresGatewayFactory>;

    private readonly HttpClient _client = factory.CreateBareClient();

    [Fact]
    public async Task Token_WhenSessionIsLive_ShouldMintAnHs256JwtWithTheDocumentedClaims()
    {
        var user = await AuthFlows.SignUpAsync(_client, name: "Token Tester");

        var jwt = await AuthFlows.GetJwtAsync(_client, user.SessionToken);

        var (header, payload) = JwtForge.Decode(jwt);
        header.GetProperty("alg").GetString().Should().Be("HS256");
        header.GetProperty("typ").GetString().Should().Be("JWT");
        header.GetProperty("kid").GetString().Should().NotBeNullOrEmpty();
        payload.GetProperty("sub").GetString().Should().Be(user.Id);
        payload.GetProperty("id").GetString().Should().Be(user.Id);
        payload.GetProperty("sid").GetString().Should().NotBeNullOrEmpty();
        payload.GetProperty("email").GetString().Should().Be(user.Email);
        payload.GetProperty("name").GetString().Should().Be("Token Tester");
        payload.GetProperty("emailVerified").GetBoolean().Should().BeFalse();
        payload.GetProperty("iss").GetString().Should().Be("todoclean-auth");
        payload.GetProperty("aud").GetString().Should().Be("todoclean-api");
        payload.GetProperty("jti").GetString().Should().NotBeNullOrEmpty();
        var iat = payload.GetProperty("iat").GetInt64();
        payload.GetProperty("nbf").GetInt64().Should().Be(iat);
        (payload.GetProperty("exp").GetInt64() - iat).Should().Be(900);
        payload.ToString().Should().NotContain(user.Password).And.NotContain(user.SessionToken);
    }

    [Fact]
    public async Task Token_WhenCalledTwice_ShouldMintDistinctTokens()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var first = await AuthFlows.GetJwtAsync(_client, user.SessionToken);
        var second = await AuthFlows.GetJwtAsync(_client, user.SessionToken);

        JwtForge.Decode(first).Payload.GetProperty("jti").GetString()
            .Should().NotBe(JwtForge.Decode(second).Payload.GetProperty("jti").GetString());
    }

    [Fact]
    public async Task Token_WhenNoSession_ShouldReturn401Unauthorized()
    {
        var response = await _client.GetAsync("/api/auth/token");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"message":"Unauthorized","code":"UNAUTHORIZED"}""");
    }

    [Fact]
    public async Task Token_WhenSessionTokenIsUnknown_ShouldReturn401()
    {
        var response = await _client.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
