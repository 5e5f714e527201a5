using System.Net;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

public abstract class SessionTests(GatewayFactory factory)
{
    public sealed class OnSqlite(SqliteGatewayFactory factory) : SessionTests(factory), IClassFixture<SqliteGatewayFactory>;

    public sealed class OnPostgres(PostgresGatewayFactory factory) : SessionTests(factory), IClassFixture<PostgresGatewayFactory>;

    private readonly HttpClient _client = factory.CreateBareClient();

    [Fact]
    public async Task GetSession_WhenSignedInWithTheCookie_ShouldReturnSessionUserAndAJwtHeader()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session",
            cookie: $"better-auth.session_token={Uri.EscapeDataString(user.SessionToken)}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("user").GetProperty("id").GetString().Should().Be(user.Id);
        var session = body.GetProperty("session");
        session.GetProperty("userId").GetString().Should().Be(user.Id);
        user.SessionToken.Should().StartWith(session.GetProperty("token").GetString() + ".");
        response.Header("set-auth-jwt").Should().NotBeNullOrEmpty();
        response.Header("Access-Control-Expose-Headers").Should().Contain("set-auth-jwt");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task GetSession_WhenBearerIsSignedRawOrUrlEncoded_ShouldFindTheSameSession()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var raw = user.SessionToken[..user.SessionToken.LastIndexOf('.')];

        foreach (var bearer in new[] { user.SessionToken, raw, Uri.EscapeDataString(user.SessionToken) })
        {
            var response = await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: bearer);
            (await response.JsonAsync()).GetProperty("user").GetProperty("id").GetString().Should().Be(user.Id, bearer);
        }
    }

    [Fact]
    public async Task GetSession_WhenSignatureIsTampered_ShouldAnswerNull()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var raw = user.SessionToken[..user.SessionToken.LastIndexOf('.')];
        var forged = $"{raw}.{Convert.ToBase64String(new byte[32])}";

        var response = await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: forged);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("null");
        response.Header("set-auth-jwt").Should().BeNull();
    }

    [Fact]
    public async Task GetSession_WhenNoSession_ShouldAnswerLiteralNull()
    {
        var response = await _client.GetAsync("/api/auth/get-session");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("null");
    }

    [Fact]
    public async Task GetSession_WhenPosted_ShouldReturn405WithBetterAuthCode()
    {
        var response = await _client.PostAsync("/api/auth/get-session", null);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await response.ErrorAsync()).Code.Should().Be("METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED");
    }

    [Fact]
    public async Task SignOut_WhenSignedIn_ShouldEndTheSessionAndClearTheThreeCookies()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", bearer: user.SessionToken, body: new { });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("success").GetBoolean().Should().BeTrue();
        response.SetCookies().Should().BeEquivalentTo(
            "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
            "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
            "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        var after = await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: user.SessionToken);
        (await after.Content.ReadAsStringAsync()).Should().Be("null");
        var token = await _client.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: user.SessionToken);
        token.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOut_WhenNotSignedIn_ShouldStillSucceed()
    {
        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", body: new { });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("success").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("GET", "/api/auth/no-such-route")]
    [InlineData("GET", "/api/auth/sign-in/email")]
    [InlineData("DELETE", "/api/auth/token")]
    public async Task UnknownRouteOrWrongMethod_ShouldReturnEmpty404LikeBetterAuth(string method, string path)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Ok_ShouldAnswerOkTrue()
    {
        var response = await _client.GetAsync("/api/auth/ok");

        (await response.Content.ReadAsStringAsync()).Should().Be("""{"ok":true}""");
    }

    [Fact]
    public async Task Health_WhenStoreAnswers_ShouldBeHealthy()
    {
        var response = await _client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = await response.JsonAsync();
        health.GetProperty("status").GetString().Should().Be("Healthy");
        health.GetProperty("checks").GetProperty("auth-store").GetProperty("status").GetString().Should().Be("Healthy");
    }
}
