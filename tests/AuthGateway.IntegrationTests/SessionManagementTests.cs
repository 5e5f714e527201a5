using System.Net;
using System.Text.Json;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

public abstract class SessionManagementTests(GatewayFactory factory)
{
    public sealed class OnSqlite(SqliteGatewayFactory factory) : SessionManagementTests(factory), IClassFixture<SqliteGatewayFactory>;

    public sealed class OnPostgres(PostgresGatewayFactory factory) : SessionManagementTests(factory), IClassFixture<PostgresGatewayFactory>;

    private readonly HttpClient _client = factory.CreateBareClient();

    private async Task<string> SignInAgainAsync(SignedUpUser user)
    {
        var response = await _client.PostJsonAsync("/api/auth/sign-in/email", new { email = user.Email, password = user.Password });
        return response.Header("set-auth-token")!;
    }

    private async Task<JsonElement[]> ListAsync(string bearer)
    {
        var response = await _client.SendWithAsync(HttpMethod.Get, "/api/auth/list-sessions", bearer: bearer);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.JsonAsync()).EnumerateArray().ToArray();
    }

    private async Task<bool> IsLiveAsync(string bearer) =>
        (await (await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: bearer)).Content.ReadAsStringAsync()) != "null";

    [Fact]
    public async Task ListSessions_ShouldShowEveryDeviceWithTheRealTokenOnlyForTheCurrentOne()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var second = await SignInAgainAsync(user);

        var sessions = await ListAsync(user.SessionToken);

        sessions.Should().HaveCount(2);
        var raw = user.SessionToken[..user.SessionToken.LastIndexOf('.')];
        sessions.Select(s => s.GetProperty("token").GetString()).Should().Contain(raw);
        sessions.Select(s => s.GetProperty("token").GetString())
            .Should().NotContain(second[..second.LastIndexOf('.')], "another device's bearer token is never disclosed");
        sessions.Should().OnlyContain(s => s.GetProperty("userId").GetString() == user.Id);
    }

    [Fact]
    public async Task RevokeSession_WithTheHandleFromTheList_ShouldEndThatSessionAtOnce()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var second = await SignInAgainAsync(user);
        var raw = user.SessionToken[..user.SessionToken.LastIndexOf('.')];
        var other = (await ListAsync(user.SessionToken)).Single(s => s.GetProperty("token").GetString() != raw);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-session",
            bearer: user.SessionToken, body: new { token = other.GetProperty("token").GetString() });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("status").GetBoolean().Should().BeTrue();
        (await IsLiveAsync(second)).Should().BeFalse();
        (await IsLiveAsync(user.SessionToken)).Should().BeTrue();
        response.SetCookies().Should().BeEmpty("the caller's own session was not touched");
    }

    [Fact]
    public async Task RevokeSession_WithTheRealTokenOfAnotherDevice_ShouldEndIt()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var second = await SignInAgainAsync(user);

        await _client.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-session",
            bearer: user.SessionToken, body: new { token = second[..second.LastIndexOf('.')] });

        (await IsLiveAsync(second)).Should().BeFalse();
    }

    [Fact]
    public async Task RevokeSession_WhenTokenBelongsToSomeoneElse_ShouldBeANoOp()
    {
        var mallory = await AuthFlows.SignUpAsync(_client);
        var victim = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-session",
            bearer: mallory.SessionToken, body: new { token = victim.SessionToken[..victim.SessionToken.LastIndexOf('.')] });

        (await response.JsonAsync()).GetProperty("status").GetBoolean().Should().BeTrue();
        (await IsLiveAsync(victim.SessionToken)).Should().BeTrue();
    }

    [Fact]
    public async Task RevokeSession_WhenTokenIsMissing_ShouldReturnValidationError()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-session", bearer: user.SessionToken, body: new { });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Should().Match<(string Message, string Code)>(e => e.Code == "VALIDATION_ERROR" && e.Message.StartsWith("[body.token]"));
    }

    [Fact]
    public async Task RevokeSessions_ShouldEndEverySessionIncludingTheCurrentOne()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var second = await SignInAgainAsync(user);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-sessions", bearer: user.SessionToken, body: new { });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await IsLiveAsync(user.SessionToken)).Should().BeFalse();
        (await IsLiveAsync(second)).Should().BeFalse();
        response.SetCookies().Should().Contain(c => c.StartsWith("better-auth.session_token=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokeOtherSessions_ShouldKeepOnlyTheCurrentSession()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var second = await SignInAgainAsync(user);

        await _client.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-other-sessions", bearer: user.SessionToken, body: new { });

        (await IsLiveAsync(user.SessionToken)).Should().BeTrue();
        (await IsLiveAsync(second)).Should().BeFalse();
        (await ListAsync(user.SessionToken)).Should().ContainSingle();
    }

    [Theory]
    [InlineData("GET", "/api/auth/list-sessions")]
    [InlineData("POST", "/api/auth/revoke-sessions")]
    [InlineData("POST", "/api/auth/revoke-other-sessions")]
    [InlineData("POST", "/api/auth/change-password")]
    [InlineData("POST", "/api/auth/update-user")]
    public async Task SessionEndpoints_WhenNotSignedIn_ShouldReturn401Unauthorized(string method, string path)
    {
        var response = await _client.SendWithAsync(new HttpMethod(method), path,
            body: method == "POST" ? new { currentPassword = "password123", newPassword = "password456", name = "x" } : null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ErrorAsync()).Code.Should().Be("UNAUTHORIZED");
    }

    [Fact]
    public async Task Jwks_ShouldNeverPublishTheSymmetricKey()
    {
        var response = await _client.GetAsync("/api/auth/jwks");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"keys":[]}""");
    }
}
